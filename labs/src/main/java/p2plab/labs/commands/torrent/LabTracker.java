package p2plab.labs.commands.torrent;

import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.Role;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;

/** The tracker of the current lab network, for {@code tracker kill} and {@code tracker revive}. */
final class LabTracker {
    private LabTracker() {
    }

    /** The tracker peer of {@code n}, or a one-line error saying which network has one. */
    static PeerInfo of(LabNetwork n) {
        if (!n.network().overlay().equals("bittorrent")) {
            throw new LabException(n.name() + " is a " + n.network().overlay() + " network and has no tracker;"
                    + " `network create bittorrent --peers N` makes one that has");
        }
        for (PeerInfo p : n.network().topology().peers()) {
            if (p.role() == Role.TRACKER) {
                return p;
            }
        }
        throw new LabException(n.name() + " has no tracker peer");
    }
}
