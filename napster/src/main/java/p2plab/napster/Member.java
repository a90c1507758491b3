package p2plab.napster;

import java.util.Map;
import p2plab.common.collect.ArrayMap;
import p2plab.common.content.Content;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.Node;
import p2plab.napster.peer.NapsterPeer;
import p2plab.napster.server.IndexServer;
import p2plab.napster.wire.NapMessage;

/**
 * One incarnation of a network member: the index server or a peer, with its node. The shares
 * are kept here too, so that a revived peer comes back with the files it had.
 */
final class Member {
    final Node<NapMessage> node;
    final IndexServer server;   // for peer 0
    final NapsterPeer peer;     // for peers 1..N
    final PeerSpec spec;
    final Map<String, Content> shares;

    Member(Node<NapMessage> node, IndexServer server, NapsterPeer peer, PeerSpec spec, Map<String, Content> shares) {
        this.node = node;
        this.server = server;
        this.peer = peer;
        this.spec = spec;
        this.shares = shares;
    }

    static Map<String, Content> noShares() {
        return new ArrayMap<>(); // a handful of files, held by a million peers
    }

    boolean isServer() {
        return server != null;
    }

    boolean alive() {
        return node.isAlive();
    }
}
