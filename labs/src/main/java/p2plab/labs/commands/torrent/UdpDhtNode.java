package p2plab.labs.commands.torrent;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import p2plab.bittorrent.discovery.PeerSource;
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
import p2plab.labs.trackerless.DhtPeerSource;
import p2plab.labs.trackerless.DhtSchedule;

/**
 * One mainline DHT node (BEP 5) on a real UDP port, outside any lab network: what {@code dht node}
 * runs, and what {@code get} and {@code seed} find peers through. Its id is random; the node keeps
 * to its own thread, and this class only hops onto it.
 */
public final class UdpDhtNode implements AutoCloseable {
    private final TcpTransport transport;
    private final DhtNode dht;
    private final Node<KrpcMessage> node;
    private boolean ownsTransport;

    private UdpDhtNode(TcpTransport transport, DhtNode dht, Node<KrpcMessage> node) {
        this.transport = transport;
        this.dht = dht;
        this.node = node;
    }

    /**
     * A node with a transport of its own on {@code bind}:{@code port} (0: any free port); closing
     * the node closes the transport. A port in use or an address not of this machine is a one-line
     * error that names the option to change.
     */
    public static UdpDhtNode standalone(String bind, int port) {
        TorrentSupport.checkPort(port);
        TcpTransport transport = TorrentSupport.transport(bind, 1);
        UdpDhtNode n = TorrentSupport.openOn(transport, bind, port, t -> open(t, port));
        n.ownsTransport = true;
        return n;
    }

    /** Opens a node on {@code port} of the transport's address (0: any free port); the caller closes it. */
    public static UdpDhtNode open(TcpTransport transport, int port) {
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

    public Address address() {
        return node.address();
    }

    public NodeId id() {
        return dht.id();
    }

    /**
     * This node as a client's source of peers ({@link DhtPeerSource}): for each torrent,
     * announce_peer and get_peers on the usual schedule.
     */
    public PeerSource peerSource() {
        return new DhtPeerSource(dht, DhtSchedule.USUAL);
    }

    /**
     * Joins the DHT through {@code known}; a node that does not answer is a one-line error that
     * says where to find a working address.
     */
    public void bootstrap(Address known) {
        try {
            call(d -> d.bootstrap(known), Duration.ofSeconds(30), "joining through " + known);
        } catch (LabException e) {
            throw new LabException("no DHT node answered at " + known + "; start one with `dht node` and give the address it prints");
        }
    }

    /** What the node holds now, read on its own thread. */
    public Status status() {
        return call(d -> CompletableFuture.completedFuture(new Status(d.table().size(), d.store().keys(), d.store().size())),
                Duration.ofSeconds(5), "reading the DHT node");
    }

    /**
     * @param nodes          nodes in the routing table
     * @param infoHashes     info hashes announced to this node
     * @param announcements  peers stored under them, all together
     */
    public record Status(int nodes, int infoHashes, int announcements) {
        public String line() {
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
        if (ownsTransport) {
            transport.close();
        }
    }

    /** HOST:PORT as typed, or a one-line error naming the option. */
    public static Address hostPort(String text, String option) {
        try {
            Address a = Address.parse(text.trim());
            if (a.port() == 0) {
                throw new IllegalArgumentException("port 0");
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw new LabException(option + " needs HOST:PORT of a running DHT node, such as 127.0.0.1:6881 (`dht node` prints one), got '"
                    + text + "'");
        }
    }
}
