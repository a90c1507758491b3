package p2plab.labs.commands.torrent;

import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import picocli.CommandLine.Command;

/** {@code seed list}: the seeds this session runs. */
@Command(name = "list", description = "List the seeds running in this session.")
final class SeedList extends LabCommand {

    SeedList(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        var running = TorrentJobs.of(lab).list("seed");
        if (running.isEmpty()) {
            println("nothing is being seeded; start with `seed <file.torrent> <data-path>`");
        }
        for (TorrentJobs.Job j : running) {
            println(j.summary);
        }
    }
}
