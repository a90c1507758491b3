package p2plab.kazaa.supernode;

import p2plab.kazaa.wire.PeerRef;

/** What a supernode keeps on a link to another supernode: who it is and its last reported load. */
final class Neighbour {
    final PeerRef ref;
    int children;

    Neighbour(PeerRef ref) {
        this.ref = ref;
    }
}
