package p2plab.labs.commands.dht;

import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.commands.torrent.TorrentJobs;
import p2plab.labs.session.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dht node stop [ADDR|PORT]}: stops the session's standalone DHT nodes (or one). */
@Command(name = "stop", description = "Stop the DHT nodes started in this session with `dht node` (or one, by address or port).")
final class DhtNodeStop extends LabCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ADDR|PORT", description = "Which node (default: all).")
    String which;

    DhtNodeStop(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        TorrentJobs jobs = TorrentJobs.of(lab);
        String name = TorrentJobs.resolve(jobs.list(DhtNodeCommand.JOB), which, DhtNodeCommand.JOB);
        for (TorrentJobs.Job j : jobs.stop(DhtNodeCommand.JOB, name)) {
            println("stopped the DHT node at " + j.name() + "; its port is closed");
        }
    }
}
