package p2plab.labs.commands.torrent;

import p2plab.common.overlay.PeerInfo;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import p2plab.labs.trackerless.DhtSwarm;
import picocli.CommandLine.Command;

/** {@code tracker kill}: crashes the tracker of the current BitTorrent network (the same as {@code peer kill 0}). */
@Command(name = "kill", description = {"Crash the tracker of the current bittorrent network (same as `peer kill 0`).",
        "Connected peers keep trading; a new peer finds nobody, unless the network was made with --trackerless."})
final class TrackerKill extends LabCommand {

    TrackerKill(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        PeerInfo tracker = LabTracker.of(n);
        if (!tracker.alive()) {
            throw new LabException("the tracker (peer " + tracker.id() + ") of " + n.name() + " is down already; `tracker revive` brings it back");
        }
        n.network().kill(tracker.id());
        println("killed the tracker (peer " + tracker.id() + ") of " + n.name() + ": peers already connected keep trading; "
                + (n.network() instanceof DhtSwarm
                ? "new peers still find peers through the DHT"
                : "new peers (`peer add`, then `download`) find nobody to download from"));
        settle(n);
    }
}
