package p2plab.kademlia;

import java.util.LinkedHashMap;
import java.util.Map;
import p2plab.common.content.Content;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.Node;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.krpc.KrpcMessage;

/** One peer of a Kademlia network: its DHT node, its transport node and the files it shares (kept across a revive). */
final class Member {
    final DhtNode dht;
    final Node<KrpcMessage> node;
    final PeerSpec spec;
    final Map<String, Content> shares;

    Member(DhtNode dht, Node<KrpcMessage> node, PeerSpec spec, Map<String, Content> shares) {
        this.dht = dht;
        this.node = node;
        this.spec = spec;
        this.shares = shares;
    }

    static Map<String, Content> noShares() {
        return new LinkedHashMap<>();
    }

    boolean alive() {
        return node.isAlive();
    }
}
