package p2plab.labs.commands.torrent;

import p2plab.common.overlay.PeerInfo;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;

/** {@code tracker revive}: restarts the killed tracker of the current BitTorrent network (the same as {@code peer revive 0}). */
@Command(name = "revive", description = {"Restart the killed tracker of the current bittorrent network (same as `peer revive 0`).",
        "It starts empty: it knows each peer again at that peer's next announce."})
final class TrackerRevive extends LabCommand {

    TrackerRevive(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        PeerInfo tracker = LabTracker.of(n);
        if (tracker.alive()) {
            throw new LabException("the tracker (peer " + tracker.id() + ") of " + n.name() + " is running; `tracker kill` crashes it");
        }
        n.network().revive(tracker.id());
        println("revived the tracker (peer " + tracker.id() + ") of " + n.name() + "; peers reach it again at their next announce");
        settle(n);
    }
}
