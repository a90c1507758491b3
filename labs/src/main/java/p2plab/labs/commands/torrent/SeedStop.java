package p2plab.labs.commands.torrent;

import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code seed stop [NAME|ADDR|PORT]}: stops the session's seeds (or one); each says goodbye to its tracker. */
@Command(name = "stop", description = "Stop the seeds started in this session (or one, by torrent name, address or port).")
final class SeedStop extends LabCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME|ADDR|PORT", description = "Which seed (default: all).")
    String which;

    SeedStop(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        TorrentJobs jobs = TorrentJobs.of(lab);
        String name = TorrentJobs.resolve(jobs.list("seed"), which, "seed");
        for (TorrentJobs.Job j : jobs.stop("seed", name)) {
            println("stopped seeding " + j.alias + " at " + j.name + "; its port is closed");
        }
    }
}
