package p2plab.labs.commands.dht;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import p2plab.common.transport.Address;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.kademlia.dht.DhtConfig;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.krpc.KrpcCodec;
import p2plab.kademlia.krpc.KrpcMessage;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;
import p2plab.labs.session.LabException;

/**
 * One mainline DHT node (BEP 5) on a real UDP port, outside any lab network: what {@code dht node}
 * runs. Its id is random; the node keeps to its own thread, and this class only hops onto it.
 */
final class UdpDhtNode implements AutoCloseable {
    private final TcpTransport transport;
    private final DhtNode dht;
    private final Node<KrpcMessage> node;

    private UdpDhtNode(TcpTransport transport, DhtNode dht, Node<KrpcMessage> node) {
        this.transport = transport;
        this.dht = dht;
        this.node = node;
    }

    /** Opens a node on {@code port} of the transport's address (0: any free port); the caller closes it. */
    static UdpDhtNode open(TcpTransport transport, int port) {
        DhtNode dht = new DhtNode(NodeId.random(new SecureRandom()), DhtConfig.defaults(), BucketPolicies.bep5(),
                NextHopPolicy.closestFirst());
        Node<KrpcMessage> node = transport.open(NodeConfig.named("dht").withPort(port), new KrpcCodec(), dht);
        UdpDhtNode n = new UdpDhtNode(transport, dht, node);
        n.call(d -> {
            d.start(node);
            return CompletableFuture.completedFuture(null);
        }, Duration.ofSeconds(5), "starting the DHT node");
        return n;
    }

    Address address() {
        return node.address();
    }

    NodeId id() {
        return dht.id();
    }

    /**
     * Joins the DHT through {@code known}; a node that does not answer is a one-line error that
     * says where to find a working address.
     */
    void bootstrap(Address known) {
        try {
            call(d -> d.bootstrap(known), Duration.ofSeconds(30), "joining through " + known);
        } catch (LabException e) {
            throw new LabException("no DHT node answered at " + known + "; start one with `dht node` and give the address it prints");
        }
    }

    /** What the node holds now, read on its own thread. */
    Status status() {
        return call(d -> CompletableFuture.completedFuture(new Status(d.table().size(), d.store().keys(), d.store().size())),
                Duration.ofSeconds(5), "reading the DHT node");
    }

    /**
     * @param nodes          nodes in the routing table
     * @param infoHashes     info hashes announced to this node
     * @param announcements  peers stored under them, all together
     */
    record Status(int nodes, int infoHashes, int announcements) {
        String line() {
            return nodes + (nodes == 1 ? " node" : " nodes") + " in the routing table, " + announcements
                    + (announcements == 1 ? " peer" : " peers") + " announced under " + infoHashes
                    + (infoHashes == 1 ? " info hash" : " info hashes");
        }
    }

    private <T> T call(Function<DhtNode, CompletableFuture<T>> work, Duration timeout, String what) {
        CompletableFuture<T> f = new CompletableFuture<>();
        node.execute(() -> work.apply(dht).whenComplete((v, e) -> {
            if (e != null) {
                f.completeExceptionally(e);
            } else {
                f.complete(v);
            }
        }));
        try {
            return transport.await(f, timeout);
        } catch (TimeoutException e) {
            throw new LabException(what + " took more than " + timeout.toSeconds() + " s");
        } catch (LabException e) {
            throw e;
        } catch (RuntimeException e) { // the protocol's failure (no answer, error reply): the user's to read
            throw new LabException(what + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        node.execute(() -> {
            dht.stop();
            node.close();
        });
    }
}
