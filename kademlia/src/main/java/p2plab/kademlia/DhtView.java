package p2plab.kademlia;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.Address;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.dht.TraceEvent;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.LookupResult;

/**
 * What the shell's {@code dht table} and {@code dht lookup} read from a Kademlia network, beyond
 * the {@code Network} SPI: a peer's routing table and a traced lookup. The shell asks for this
 * view rather than naming the network class, so the overlay's internals stay its own.
 */
public interface DhtView {
    /** Peer {@code id}'s DHT node, to read its table (on its own thread). */
    DhtNode dht(PeerId id);

    /** The peer listening at {@code address}, if it belongs to this network, else null. */
    PeerId peerAt(Address address);

    /** A lookup from peer {@code from}: find_node, or get_peers when {@code getPeers}; traced into {@code trace} if not null. */
    CompletableFuture<LookupResult> lookup(PeerId from, NodeId target, boolean getPeers, List<TraceEvent> trace);
}
