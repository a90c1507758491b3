package p2plab.bittorrent.peer;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.Reserved;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.PeerHandler;

/**
 * One BitTorrent peer's wire endpoint: it exchanges handshakes, finds the torrent a connection is
 * for by its info hash, and hands every later message to that torrent's {@link TorrentSession}.
 *
 * <pre>
 *   dialer                         listener
 *     | --- Handshake(hash, id) ---> |   (listener looks the hash up; unknown = close)
 *     | <-- Handshake(hash, id) ---- |
 *     | <-- Bitfield --------------- |   (each side, if it has pieces)
 *     | --- Bitfield --------------> |
 *     | --- Interested ------------> |
 *     | <-- Unchoke ---------------- |   (at the listener's next rechoke, or at once if a slot is free)
 *     | --- Request x5 ------------> |
 *     | <-- Piece ------------------ |   ... Have to everyone once a piece verifies
 * </pre>
 *
 * Our handshake sets the fast extension and extension protocol bits ({@link Reserved}), and the
 * DHT bit when the application runs a DHT node ({@link #dht}); a
 * connection whose handshake has not completed within the handshake timeout is closed.
 */
public final class PeerEngine implements PeerHandler<PeerMessage> {
    private final byte[] peerId;
    private final Duration handshakeTimeout;
    private final Map<String, Swarm> swarms = new HashMap<>();
    private final Map<Address, Swarm> dialing = new HashMap<>();
    private final Map<Connection, Swarm> byConnection = new HashMap<>();
    /** Connections other peers opened to us that are still open. */
    private final Set<Link<PeerMessage>> accepted = new HashSet<>();
    private Node<PeerMessage> node;
    private IntSupplier dhtPort = () -> 0;
    private Consumer<Address> dhtNodes = a -> { };

    /**
     * Connections other peers may have open to us at once, all torrents together (the peers we
     * dial are capped by {@link PeerConfig#maxConnections}). Each costs a receive buffer of up to
     * a frame, an upload queue and its answers: without a cap, a peer that opens connection
     * after connection would cost memory without end. A tracker hands each peer a random 50, so a
     * peer in a swarm of thousands is dialled by a few dozen.
     */
    public static final int MAX_INBOUND = 500;

    public PeerEngine(byte[] peerId) {
        this(peerId, PeerConfig.DEFAULT_HANDSHAKE_TIMEOUT);
    }

    public PeerEngine(byte[] peerId, Duration handshakeTimeout) {
        this.peerId = peerId.clone();
        this.handshakeTimeout = handshakeTimeout;
    }

    /** Called once the transport gave us our node. */
    public void attach(Node<PeerMessage> n) {
        this.node = n;
    }

    public Node<PeerMessage> node() {
        return node;
    }

    /**
     * Turns on DHT support (BEP 5): while {@code port} gives a port above 0, our handshakes set
     * the DHT bit and every peer that set it too gets a {@code port} message; the DHT nodes peers
     * announce that way go to {@code learned} (their IP, the port they gave).
     */
    public void dht(IntSupplier port, Consumer<Address> learned) {
        this.dhtPort = port;
        this.dhtNodes = learned;
    }

    private PeerMessage.Handshake ourHandshake(byte[] infoHash) {
        return new PeerMessage.Handshake(Reserved.ours(dhtPort.getAsInt() > 0), infoHash, peerId);
    }

    public byte[] peerId() {
        return peerId.clone();
    }

    public String peerKey() {
        return PeerIds.key(peerId);
    }

    /** Starts serving (and downloading) a torrent; call on the node's thread. */
    public TorrentSession add(Function<Node<PeerMessage>, TorrentSession> factory) {
        TorrentSession s = factory.apply(node);
        swarms.put(HexFormat.of().formatHex(s.metainfo().infoHash()), new SessionSwarm(s));
        return s;
    }

    /**
     * Starts fetching the metadata of a torrent known by its info hash (a magnet link).
     *
     * @throws IllegalStateException when this peer already has that torrent
     */
    public MetadataFetch addFetch(byte[] infoHash) {
        if (swarms.containsKey(HexFormat.of().formatHex(infoHash))) {
            throw new IllegalStateException("this client already has torrent " + HexFormat.of().formatHex(infoHash)
                    + "; stop it first");
        }
        MetadataFetch f = new MetadataFetch(node, infoHash);
        swarms.put(HexFormat.of().formatHex(infoHash), f);
        return f;
    }

    public void remove(TorrentSession s) {
        remove(HexFormat.of().formatHex(s.metainfo().infoHash()));
        s.stop();
    }

    public void remove(MetadataFetch f) {
        remove(HexFormat.of().formatHex(f.infoHash()));
        f.stop();
    }

    private void remove(String hex) {
        Swarm s = swarms.remove(hex);
        if (s != null) {
            dialing.values().removeIf(d -> d == s);
        }
    }

    /**
     * The metadata is in: the fetch's connections go on to {@code session} (started with
     * {@link #add}), each told what the peer said so far (its bitfield, haves, unchoke).
     */
    public void promote(MetadataFetch fetch, TorrentSession session) {
        Swarm to = swarms.get(HexFormat.of().formatHex(session.metainfo().infoHash()));
        if (!(to instanceof SessionSwarm target) || target.session != session) {
            throw new IllegalStateException("add the session before promoting the fetch to it");
        }
        dialing.replaceAll((a, d) -> d == fetch ? target : d);
        long now = node.clock().nanos();
        for (Connection old : fetch.connections()) {
            List<PeerMessage> said = fetch.replay(old);
            byConnection.remove(old);
            if (!old.link.isOpen()) {
                continue;
            }
            Connection c = new Connection(old.link, old.peerId, session.metainfo().pieceCount(), now);
            c.fast = old.fast;
            c.extensionProtocol = old.extensionProtocol;
            c.dht = old.dht;
            c.dhtPortLearned = old.dhtPortLearned;
            c.extensions = old.extensions;
            old.link.attach(c);
            byConnection.put(c, target);
            target.onHandshake(c);
            for (PeerMessage m : said) {
                if (c.link.isOpen()) {
                    target.onMessage(c, m);
                }
            }
        }
        fetch.handOver();
    }

    /** Dials a peer for {@code swarm}, unless it is ourselves or already connected. */
    public CompletableFuture<Link<PeerMessage>> dial(Address remote, TorrentSession swarm) {
        return dial(remote, swarms.get(HexFormat.of().formatHex(swarm.metainfo().infoHash())));
    }

    /** Dials a peer to fetch metadata from. */
    public CompletableFuture<Link<PeerMessage>> dial(Address remote, MetadataFetch fetch) {
        return dial(remote, (Swarm) swarms.get(HexFormat.of().formatHex(fetch.infoHash())));
    }

    private CompletableFuture<Link<PeerMessage>> dial(Address remote, Swarm swarm) {
        if (swarm == null || remote.equals(node.address()) || dialing.containsKey(remote) || swarm.stopped()
                || dialledAlready(remote, swarm)) {
            return CompletableFuture.failedFuture(new IllegalStateException("not dialing " + remote));
        }
        dialing.put(remote, swarm);
        CompletableFuture<Link<PeerMessage>> f = node.connect(remote);
        f.whenComplete((l, e) -> dialing.remove(remote));
        return f;
    }

    /** A tracker lists the same peers at every announce; one connection we opened is enough. */
    private static boolean dialledAlready(Address remote, Swarm swarm) {
        for (Connection c : swarm.connectionList()) {
            if (c.link.outbound() && c.link.remote().equals(remote)) {
                return true;
            }
        }
        return false;
    }

    public int dialsInFlight() {
        return dialing.size();
    }

    @Override
    public void onConnected(Link<PeerMessage> link) {
        if (!link.outbound()) {
            if (accepted.size() >= MAX_INBOUND) {
                link.close();
                return;
            }
            accepted.add(link);
        }
        if (link.outbound()) {
            Swarm s = dialing.get(link.remote());
            if (s == null) {
                link.close();
                return;
            }
            link.attach(s);
            link.send(ourHandshake(s.infoHash()));
        }
        // A peer that sends part of a handshake, or one byte now and then, must not keep the link.
        node.clock().schedule(handshakeTimeout, () -> {
            if (link.isOpen() && !(link.attachment() instanceof Connection)) {
                link.close();
            }
        });
    }

    @Override
    public void onMessage(Link<PeerMessage> link, PeerMessage message) {
        Object a = link.attachment();
        if (a instanceof Connection c) {
            // One port a connection: each one learned costs a DHT ping, so a peer repeating the
            // message must not make us send (and wait for) a ping for each.
            if (message instanceof PeerMessage.Port p && c.dht && p.port() > 0 && !c.dhtPortLearned) {
                c.dhtPortLearned = true;
                dhtNodes.accept(new Address(link.remote().host(), p.port()));
            }
            Swarm s = byConnection.get(c);
            if (s != null) {
                s.onMessage(c, message);
            }
            return;
        }
        if (!(message instanceof PeerMessage.Handshake h)) {
            link.close();
            return;
        }
        Swarm s = swarms.get(HexFormat.of().formatHex(h.infoHash()));
        if (s == null || (a instanceof Swarm expected && !Arrays.equals(expected.infoHash(), h.infoHash())) || Arrays.equals(h.peerId(), peerId)) {
            link.close(); // unknown torrent, wrong torrent, or we dialled ourselves
            return;
        }
        String key = PeerIds.key(h.peerId());
        if (s.banned(key)) {
            link.close();
            return;
        }
        Connection existing = s.connectionTo(key);
        if (existing != null) {
            if (existing.link.outbound() == link.outbound()) {
                link.close(); // a second connection opened the same way: keep the first, with its state
                return;
            }
            // Both sides dialled: keep the connection the smaller peer id opened, on both ends alike.
            boolean newDialledBySmaller = (link.outbound() ? peerKey() : key).compareTo(link.outbound() ? key : peerKey()) < 0;
            if (!newDialledBySmaller) {
                link.close();
                return;
            }
            existing.link.close();
            byConnection.remove(existing);
            s.onClosed(existing);
        }
        if (!link.outbound()) {
            link.send(ourHandshake(s.infoHash()));
        }
        Connection c = new Connection(link, h.peerId(), s.pieceCount(), node.clock().nanos());
        c.fast = Reserved.fast(h.reserved()); // we always set both bits, so the peer's decide
        c.extensionProtocol = Reserved.extensionProtocol(h.reserved());
        int ourDhtPort = dhtPort.getAsInt();
        c.dht = ourDhtPort > 0 && Reserved.dht(h.reserved());
        link.attach(c);
        byConnection.put(c, s);
        s.onHandshake(c);
        if (c.dht && link.isOpen()) {
            link.send(new PeerMessage.Port(ourDhtPort)); // after the first message, which BEP 6 fixes
        }
    }

    @Override
    public void onWritable(Link<PeerMessage> link) {
        if (link.attachment() instanceof Connection c) {
            Swarm s = byConnection.get(c);
            if (s != null) {
                s.onWritable(c);
            }
        }
    }

    @Override
    public void onClosed(Link<PeerMessage> link, String reason) {
        accepted.remove(link);
        if (link.attachment() instanceof Connection c) {
            Swarm s = byConnection.remove(c);
            if (s != null) {
                s.onClosed(c);
            }
        }
    }
}
