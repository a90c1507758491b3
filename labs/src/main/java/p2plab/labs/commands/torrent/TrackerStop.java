package p2plab.labs.commands.torrent;

import java.util.List;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tracker stop [ADDR|PORT]}: stops the session's trackers (or one), closing their ports. */
@Command(name = "stop", description = "Stop the trackers started in this session (or the one at ADDR or PORT).")
final class TrackerStop extends LabCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ADDR|PORT", description = "Which tracker, e.g. 127.0.0.1:6969 or 6969 (default: all).")
    String which;

    TrackerStop(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        TorrentJobs jobs = TorrentJobs.of(lab);
        String name = TorrentJobs.resolve(jobs.list("tracker"), which, "tracker");
        List<TorrentJobs.Job> stopped = jobs.stop("tracker", name);
        for (TorrentJobs.Job j : stopped) {
            println("stopped the tracker at " + j.name + "; its port is closed");
        }
    }
}
