package p2plab.labs.commands.torrent;

import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import picocli.CommandLine.Command;

/** {@code tracker list}: the trackers this session runs. */
@Command(name = "list", description = "List the trackers running in this session.")
final class TrackerList extends LabCommand {

    TrackerList(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        var running = TorrentJobs.of(lab).list("tracker");
        if (running.isEmpty()) {
            println("no tracker is running; start one with `tracker`");
        }
        for (TorrentJobs.Job j : running) {
            println(j.summary);
        }
    }
}
