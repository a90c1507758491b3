package p2plab.napster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.metrics.Counts;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.PeerRegistry;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Progress;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.Role;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.Topology;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.Address;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.Transport;
import p2plab.napster.index.IndexStore;
import p2plab.napster.peer.NapsterPeer;
import p2plab.napster.server.IndexServer;
import p2plab.napster.wire.NapMessage;
import p2plab.napster.wire.NapsterCodec;

/**
 * A running Napster network: the index server as peer 0, peers from 1 on, all on one transport.
 * This class only builds, wires and dispatches; the protocol lives in {@link IndexServer} and
 * {@link NapsterPeer}. Commands are handed to the peer's own thread with {@link Node#execute}.
 */
public final class NapsterNetwork implements Network {
    private static final PeerId SERVER = PeerId.of(0);
    /** Leaves room in a 2,048-byte Share for the quotes, the hash and the numbers. */
    static final int MAX_NAME_BYTES = 1_900;

    private final String name;
    private final Transport transport;
    private final NapsterOptions options;
    private final Supplier<IndexStore> indexes;
    private final NapsterCodec codec = new NapsterCodec();
    private final PeerRegistry<Member> registry = new PeerRegistry<>(Member::alive);
    private Address serverAddress;
    private long lastLoadNanos;
    private long lastLoadMessages;

    private NapsterNetwork(String name, Transport transport, NapsterOptions options, Supplier<IndexStore> indexes) {
        this.name = name;
        this.transport = transport;
        this.options = options;
        this.indexes = indexes;
    }

    /** Starts the index server and {@code spec.peers()} peers. */
    public static NapsterNetwork start(NetworkSpec spec, Transport transport, Supplier<IndexStore> indexes) {
        return start(spec, transport, indexes, Progress.NONE);
    }

    /** Starts them, telling {@code progress} how many peers have started. */
    public static NapsterNetwork start(NetworkSpec spec, Transport transport, Supplier<IndexStore> indexes, Progress progress) {
        NapsterNetwork network = new NapsterNetwork(spec.name(), transport, NapsterOptions.parse(spec.options()), indexes);
        network.registry.add(network.startServer(NodeConfig.named(SERVER.label())));
        for (int i = 0; i < spec.peers(); i++) {
            if (i % 1024 == 0) {
                progress.update("starting peers", i, spec.peers());
            }
            network.addPeer(spec.peerSpec());
        }
        network.lastLoadNanos = transport.clock().nanos();
        return network;
    }

    public NapsterOptions options() {
        return options;
    }

    /** Where the index server listens. */
    public Address serverAddress() {
        return serverAddress;
    }

    private Member startServer(NodeConfig config) {
        IndexServer server = new IndexServer(indexes.get(), options.server());
        Node<NapMessage> node = transport.open(config, codec, server);
        server.bind(node);
        node.execute(server::start);
        serverAddress = node.address();
        return new Member(node, server, null, PeerSpec.UNLIMITED, Member.noShares());
    }

    private Member startPeer(PeerId id, PeerSpec spec, int port, Map<String, Content> shares) {
        // The peer shares from the member's own map: one copy of the file list, which outlives
        // the peer so that a revived peer comes back with its files.
        NapsterPeer peer = new NapsterPeer(serverAddress, options.peer(), transport.metrics(), shares);
        NodeConfig config = new NodeConfig(id.label(), port, spec.uploadBytesPerSec(), spec.downloadBytesPerSec(), null);
        Node<NapMessage> node = transport.open(config, codec, peer);
        peer.bind(node);
        node.execute(peer::start); // its login sends the map
        return new Member(node, null, peer, spec, shares);
    }

    // ---- Network ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public String overlay() {
        return "napster";
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public List<PeerId> peers() {
        return registry.ids();
    }

    @Override
    public synchronized PeerId addPeer(PeerSpec spec) {
        PeerId id = registry.nextId();
        if (id.equals(SERVER)) {
            throw new IllegalStateException("the index server must be started first");
        }
        registry.add(startPeer(id, spec, 0, Member.noShares()));
        return id;
    }

    @Override
    public synchronized void kill(PeerId id) {
        Member m = registry.alive(id);
        if (m.isServer()) {
            m.server.stop();
        } else {
            m.peer.stop();
        }
        m.node.kill();
    }

    @Override
    public synchronized void revive(PeerId id) {
        Member old = registry.get(id);
        if (old.alive()) {
            throw new OverlayException("peer " + id + " is already running; kill it first with `peer kill " + id + "`");
        }
        int port = old.node.address().port();
        if (old.isServer()) {
            // A restarted server starts with an empty index: the peers fill it again when they log back in.
            registry.replace(id, startServer(NodeConfig.named(id.label()).withPort(port)));
        } else {
            registry.replace(id, startPeer(id, old.spec, port, old.shares));
        }
    }

    @Override
    public void share(PeerId id, Content content) {
        shareAll(id, List.of(content));
    }

    /** All of them in one event of the peer's: the same Share messages in the same order as file by file, 7 events fewer a peer. */
    @Override
    public void shareAll(PeerId id, List<? extends Content> contents) {
        Member m = peerMember(id);
        for (Content content : contents) {
            if (content.name().indexOf('"') >= 0) {
                throw new IllegalArgumentException("file names may not contain double quotes: " + content.name());
            }
            if (p2plab.common.transport.Utf8.length(content.name()) > MAX_NAME_BYTES) {
                throw new IllegalArgumentException("file name of more than " + MAX_NAME_BYTES
                        + " bytes does not fit in a Napster message; rename the file");
            }
        }
        // The map is the peer's own (see startPeer): put it there now, so that a revive right
        // after still has it, and have the peer tell the server only if its login already sent the map.
        int login;
        synchronized (m.shares) {
            for (Content content : contents) {
                m.shares.put(content.name(), content);
            }
            login = m.peer.currentLogin();
        }
        if (login > 0) {
            List<Content> files = List.copyOf(contents);
            m.node.execute(() -> {
                for (Content content : files) {
                    m.peer.announceShare(content, login);
                }
            });
        }
    }

    /** Stops sharing the file named {@code fileName} on peer {@code id}. */
    public void unshare(PeerId id, String fileName) {
        Member m = peerMember(id);
        int login;
        synchronized (m.shares) {
            if (m.shares.remove(fileName) == null) {
                throw new OverlayException("peer " + id + " does not share \"" + fileName + "\"; `peer list` shows how many files it shares");
            }
            login = m.peer.currentLogin();
        }
        if (login > 0) {
            m.node.execute(() -> m.peer.announceUnshare(fileName, login));
        }
    }

    @Override
    public CompletableFuture<SearchResult> search(PeerId from, Query query) {
        Member m = peerMember(from);
        String keywords = String.join(" ", query.keywords());
        if (keywords.length() > MAX_NAME_BYTES / 2) {
            throw new IllegalArgumentException("a search of more than " + MAX_NAME_BYTES / 2
                    + " characters does not fit in a Napster message; use fewer keywords");
        }
        return onPeer(m, peer -> peer.search(query, keywords));
    }

    /** The files {@code target} shares, as the index server lists them to {@code from} (OpenNap browse). */
    public CompletableFuture<List<Hit>> browse(PeerId from, PeerId target) {
        Member m = peerMember(from);
        return onPeer(m, peer -> peer.browse(target.label()));
    }

    @Override
    public CompletableFuture<TransferResult> download(PeerId to, ContentId what, DownloadProgress progress) {
        Member m = peerMember(to);
        Content known = findShared(what);
        if (known == null) {
            throw new OverlayException("no peer of this network has shared " + what.shortHex()
                    + "; `search` for the file and download one of its hits");
        }
        String fileName = known.name();
        long size = known.size();
        return onPeer(m, peer -> peer.download(what, fileName, size, progress));
    }

    /** The verified bytes {@code id} downloaded, or null (files over 256 MiB are verified but not kept). */
    public Content downloaded(PeerId id, ContentId what) {
        Member m = peerMember(id);
        CompletableFuture<Content> f = onPeer(m, peer -> CompletableFuture.completedFuture(peer.downloaded(what)));
        try {
            return transport.await(f, java.time.Duration.ofSeconds(5));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new OverlayException("peer " + id + " did not answer; is the network running?");
        }
    }

    /** The server's load now: connected peers, index size, message rate since the previous reading. */
    public synchronized ServerLoad serverLoad() {
        return readLoad(true);
    }

    /** Reads the load; {@code advance} starts a new rate window (only {@link #serverLoad()} does). */
    private synchronized ServerLoad readLoad(boolean advance) {
        Member m = registry.get(SERVER);
        long received = 0;
        long sent = 0;
        for (Counts c : transport.metrics().peer(SERVER.label()).values()) {
            received += c.messagesReceived();
            sent += c.messagesSent();
        }
        long now = transport.clock().nanos();
        double seconds = (now - lastLoadNanos) / 1e9;
        double rate = seconds <= 0 ? 0 : (received - lastLoadMessages) / seconds;
        if (advance) {
            lastLoadNanos = now;
            lastLoadMessages = received;
        }
        boolean alive = m.alive();
        return new ServerLoad(alive, alive ? m.server.connectedPeers() : 0, alive ? m.server.indexedFiles() : 0,
                received, sent, rate);
    }

    /** One peer's state; for peer 0 the details hold the server's load. */
    @Override
    public synchronized PeerInfo info(PeerId id) {
        Member m = registry.get(id);
        boolean alive = m.alive();
        if (m.isServer()) {
            List<PeerId> connected = new ArrayList<>();
            for (PeerId p : registry.ids()) {
                Member other = registry.get(p);
                if (!other.isServer() && alive && other.alive() && other.peer.loggedIn()) {
                    connected.add(p);
                }
            }
            ServerLoad load = readLoad(false);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("connectedPeers", Integer.toString(load.connectedPeers()));
            details.put("indexedFiles", Integer.toString(load.indexedFiles()));
            details.put("messagesReceived", Long.toString(load.messagesReceived()));
            details.put("messagesPerSecond", String.format(java.util.Locale.ROOT, "%.1f", load.messagesPerSecond()));
            if (alive && m.server.sharesRefused() > 0) {
                details.put("sharesRefused", Long.toString(m.server.sharesRefused()));
            }
            return new PeerInfo(id, m.node.address(), Role.INDEX_SERVER, alive, connected, 0, details);
        }
        boolean in = alive && m.peer.loggedIn();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("loggedIn", Boolean.toString(in));
        details.put("uploads", Integer.toString(alive ? m.peer.activeUploads() : 0));
        details.put("downloads", Integer.toString(alive ? m.peer.activeDownloads() : 0));
        int shares;
        synchronized (m.shares) {
            shares = m.shares.size();
        }
        return new PeerInfo(id, m.node.address(), Role.PEER, alive, in ? List.of(SERVER) : List.of(), shares, details);
    }

    @Override
    public synchronized Topology topology() {
        List<PeerInfo> infos = new ArrayList<>();
        List<Topology.Edge> edges = new ArrayList<>();
        for (PeerId id : registry.ids()) {
            PeerInfo info = info(id);
            if (!id.equals(SERVER) && !info.neighbours().isEmpty()) {
                edges.add(new Topology.Edge(SERVER, id));
            }
            infos.add(info);
        }
        return new Topology(infos, edges);
    }

    /**
     * Peers still logging in, and crashes the other side has not noticed yet: the server still
     * indexing a dead peer's files, or peers still logged in to a dead server.
     */
    @Override
    public synchronized List<String> pending() {
        Member server = registry.get(SERVER);
        List<PeerId> notIn = new ArrayList<>();
        int in = 0;
        for (PeerId id : registry.ids()) {
            Member m = registry.get(id);
            if (!m.isServer() && m.alive()) {
                if (m.peer.loggedIn()) {
                    in++;
                } else {
                    notIn.add(id);
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (!server.alive()) {
            if (in > 0) {
                out.add(in + (in == 1 ? " peer has" : " peers have") + " not yet noticed that the index server crashed");
            }
            return out;
        }
        if (!notIn.isEmpty()) {
            out.add((notIn.size() <= 5 ? "peer " + String.join(", ", notIn.stream().map(PeerId::toString).toList())
                    : notIn.size() + " peers") + " not logged in to the index server yet");
        }
        int stale = server.server.connectedPeers() - in;
        if (stale > 0) {
            out.add("the index server has not yet noticed that " + stale + (stale == 1 ? " peer" : " peers")
                    + " crashed (it still lists their files)");
        }
        return out;
    }

    @Override
    public synchronized void close() {
        for (Member m : registry.all()) {
            if (m.alive()) {
                if (m.isServer()) {
                    m.server.stop();
                } else {
                    m.peer.stop();
                }
                m.node.close();
            }
        }
    }

    // ---- helpers ----

    private Member peerMember(PeerId id) {
        Member m = registry.alive(id);
        if (m.isServer()) {
            throw new OverlayException("peer 0 is the index server: it only keeps the index; use a peer 1.."
                    + (registry.size() - 1));
        }
        return m;
    }

    /** Runs {@code action} on the peer's thread and hands its future's outcome back. */
    private static <T> CompletableFuture<T> onPeer(Member m, Function<NapsterPeer, CompletableFuture<T>> action) {
        CompletableFuture<T> out = new CompletableFuture<>();
        m.node.execute(() -> {
            try {
                action.apply(m.peer).whenComplete((v, e) -> {
                    if (e != null) {
                        out.completeExceptionally(e);
                    } else {
                        out.complete(v);
                    }
                });
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    private Content findShared(ContentId id) {
        for (Member m : registry.all()) {
            synchronized (m.shares) {
                for (Content c : m.shares.values()) {
                    if (c.id().equals(id)) {
                        return c;
                    }
                }
            }
        }
        return null;
    }
}
