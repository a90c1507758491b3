package p2plab.streaming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.PeerRegistry;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.Role;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.Topology;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.Address;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.Transport;
import p2plab.streaming.cdn.EdgeCache;
import p2plab.streaming.client.ListeningSession;
import p2plab.streaming.client.Listener;
import p2plab.streaming.client.Mode;
import p2plab.streaming.measure.PlayLog;
import p2plab.streaming.measure.PlayRecord;
import p2plab.streaming.measure.PlaySummary;
import p2plab.streaming.media.TcpModel;
import p2plab.streaming.policy.RescuePolicy;
import p2plab.streaming.server.OriginServer;
import p2plab.streaming.server.Tracker;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamingCodec;

/**
 * A running streaming network: the origin as peer 0 (also the tracker), in CDN mode the edges
 * as peers 1..E, then the listeners. Only builds, wires and dispatches; the protocol lives in
 * {@link OriginServer}, {@link EdgeCache} and {@link Listener}. Node number {@code n} (the
 * order of opening) sits in region {@code n % regions} of the {@link p2plab.streaming.geo.Geography}.
 */
public final class StreamingNetwork implements Network, Playback {
    private static final PeerId ORIGIN = PeerId.of(0);

    private final String name;
    private final Transport transport;
    private final StreamingOptions options;
    private final RescuePolicy policy;
    private final StreamingCodec codec = new StreamingCodec();
    private final PlayLog log = new PlayLog(60_000_000_000L);
    private final PeerRegistry<Member> registry = new PeerRegistry<>(m -> m.node.isAlive());
    private final List<Address> edgeAddresses = new ArrayList<>();
    private final List<Integer> edgeRegions = new ArrayList<>();
    private int nodesOpened;
    private Address origin;

    /** One node of the network and what runs on it. */
    private record Member(Node<StreamMessage> node, PeerHandler<StreamMessage> handler, Role role, PeerSpec spec, int region) {
        Listener listener() {
            return (Listener) handler;
        }
    }

    private StreamingNetwork(String name, Transport transport, StreamingOptions options, RescuePolicy policy) {
        this.name = name;
        this.transport = transport;
        this.options = options;
        this.policy = policy;
    }

    public static StreamingNetwork start(NetworkSpec spec, Transport transport, StreamingOptions options, RescuePolicy policy) {
        StreamingNetwork n = new StreamingNetwork(spec.name(), transport, options, policy);
        n.registry.add(n.startOrigin(0));
        if (options.mode() == Mode.CDN) {
            for (int i = 0; i < options.edges(); i++) {
                n.registry.add(n.startEdge(n.registry.nextId(), 0, n.nodesOpened));
            }
        }
        for (int i = 0; i < spec.peers(); i++) {
            n.addPeer(spec.peerSpec());
        }
        return n;
    }

    private Member startOrigin(int port) {
        OriginServer server = new OriginServer(options.catalogue(), new Tracker(options.client().trackerPeers()), log);
        NodeConfig config = new NodeConfig(ORIGIN.label(), port, options.serverUpload(), 0, null);
        Node<StreamMessage> node = transport.open(config, codec, server);
        server.bind(node);
        origin = node.address();
        int region = options.geography().regionOf(nodesOpened++);
        return new Member(node, server, Role.ORIGIN, PeerSpec.rates(options.serverUpload(), 0), region);
    }

    private Member startEdge(PeerId id, int port, int number) {
        EdgeCache edge = new EdgeCache(options.catalogue(), origin, options.edgeCacheChunks());
        NodeConfig config = new NodeConfig(id.label(), port, options.edgeUpload(), 0, null);
        Node<StreamMessage> node = transport.open(config, codec, edge);
        edge.bind(node);
        int region = options.geography().regionOf(nodesOpened++);
        if (edgeAddresses.size() < options.edges()) {
            edgeAddresses.add(node.address());
            edgeRegions.add(region);
        }
        node.execute(edge::start);
        return new Member(node, edge, Role.EDGE, PeerSpec.rates(options.edgeUpload(), 0), region);
    }

    private Member startListener(PeerId id, PeerSpec spec, int port, int region) {
        Address edge = options.mode() == Mode.CDN ? nearestEdge(region) : null;
        // Over real TCP the network pays slow start and loss recovery itself: only a simulation adds them.
        TcpModel tcp = transport.paysTcpCosts() ? TcpModel.NONE : options.tcp();
        Listener listener = new Listener(options.catalogue(), options.client(), options.startup(), tcp, options.mode(), policy,
                log, origin, edge);
        NodeConfig config = new NodeConfig(id.label(), port, spec.uploadBytesPerSec(), spec.downloadBytesPerSec(), null);
        Node<StreamMessage> node = transport.open(config, codec, listener);
        nodesOpened++;
        listener.bind(node);
        node.execute(listener::start);
        return new Member(node, listener, Role.LISTENER, spec, region);
    }

    /** The edge in the region nearest {@code region} (the lowest id on a tie). */
    private Address nearestEdge(int region) {
        int best = 0;
        for (int i = 1; i < edgeAddresses.size(); i++) {
            if (options.geography().hops(region, edgeRegions.get(i)) < options.geography().hops(region, edgeRegions.get(best))) {
                best = i;
            }
        }
        return edgeAddresses.get(best);
    }

    public StreamingOptions options() {
        return options;
    }

    public Mode mode() {
        return options.mode();
    }

    /** Everything the listeners measured so far. */
    public PlayLog log() {
        return log;
    }

    public PlaySummary summary() {
        return log.summary();
    }

    /** The listeners' ids, in order. */
    public List<PeerId> listeners() {
        List<PeerId> out = new ArrayList<>();
        for (PeerId id : registry.ids()) {
            if (registry.get(id).role == Role.LISTENER) {
                out.add(id);
            }
        }
        return out;
    }

    /** Plays {@code track} on listener {@code id}; {@code next} (or -1) is the track known to follow. Completes at the end. */
    public CompletableFuture<PlayRecord> play(PeerId id, int track, int next) {
        Member m = listener(id);
        checkTrack(track);
        if (next != -1 && !options.catalogue().valid(next)) {
            throw new OverlayException("there is no track " + next + " to play next; tracks are 0.." + (options.catalogue().tracks() - 1));
        }
        CompletableFuture<PlayRecord> out = new CompletableFuture<>();
        m.node.execute(() -> {
            try {
                m.listener().play(track, next).whenComplete((r, e) -> {
                    if (e != null) {
                        out.completeExceptionally(e);
                    } else {
                        out.complete(r);
                    }
                });
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /** Hands listener {@code id} a plan of listening sessions to follow in protocol time. */
    public void follow(PeerId id, List<ListeningSession> plan) {
        Member m = listener(id);
        List<ListeningSession> copy = List.copyOf(plan);
        m.node.execute(() -> m.listener().follow(copy));
    }

    /** Puts {@code track} in listener {@code id}'s cache (and, in the hybrid, tells the tracker). */
    public void preload(PeerId id, int track) {
        Member m = listener(id);
        checkTrack(track); // a cache holds only tracks of the catalogue
        m.node.execute(() -> m.listener().preload(track));
    }

    private void checkTrack(int track) {
        if (!options.catalogue().valid(track)) {
            throw new OverlayException("there is no track " + track + "; tracks are 0.." + (options.catalogue().tracks() - 1));
        }
    }

    /**
     * Fills listener {@code id}'s cache with its listening history, oldest first (the LRU keeps
     * the most recent), and, in the hybrid, registers what it kept with the tracker directly:
     * a warm start for long experiments, without a message per track.
     */
    public void warm(PeerId id, int[] history) {
        Member m = listener(id);
        Member origin = registry.get(ORIGIN);
        int[] copy = history.clone();
        m.node.execute(() -> {
            int[] kept = m.listener().warm(copy);
            if (options.mode() == Mode.HYBRID) {
                Address a = m.node.address();
                origin.node.execute(() -> ((OriginServer) origin.handler).tracker().announce(kept, a));
            }
        });
    }

    private Member listener(PeerId id) {
        Member m = registry.alive(id);
        if (m.role != Role.LISTENER) {
            throw new OverlayException("peer " + id + " is the " + m.role + "; play on a listener ("
                    + (listeners().isEmpty() ? "add one with `peer add`" : "e.g. " + listeners().get(0)) + ")");
        }
        return m;
    }

    // ---- Network ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public String overlay() {
        return "streaming";
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
        int region = options.geography().regionOf(nodesOpened);
        registry.add(startListener(id, spec, 0, region));
        return id;
    }

    @Override
    public synchronized void kill(PeerId id) {
        Member m = registry.alive(id);
        if (m.handler instanceof Listener l) {
            m.node.execute(l::stop);
        }
        m.node.kill();
    }

    @Override
    public synchronized void revive(PeerId id) {
        Member old = registry.get(id);
        if (old.node.isAlive()) {
            throw new OverlayException("peer " + id + " is already running; kill it first with `peer kill " + id + "`");
        }
        int port = old.node.address().port();
        Member fresh = switch (old.role) {
            case ORIGIN -> startOrigin(port);
            case EDGE -> startEdge(id, port, nodesOpened);
            default -> startListener(id, old.spec, port, old.region); // comes back empty: a crash loses the cache index
        };
        registry.replace(id, fresh);
    }

    @Override
    public void share(PeerId id, Content content) {
        throw new OverlayException("a streaming network plays its own catalogue; use `play <peer> <track>`");
    }

    @Override
    public CompletableFuture<SearchResult> search(PeerId from, Query query) {
        throw new OverlayException("a streaming network has no keyword search; use `play <peer> <track>`");
    }

    @Override
    public CompletableFuture<TransferResult> download(PeerId to, ContentId what, DownloadProgress progress) {
        throw new OverlayException("a streaming network streams tracks; use `play <peer> <track>`");
    }

    /** One peer as the shell shows it. */
    public synchronized PeerInfo info(PeerId id) {
        Member m = registry.get(id);
        boolean alive = m.node.isAlive();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("region", Integer.toString(m.region));
        List<PeerId> neighbours = new ArrayList<>();
        if (m.handler instanceof EdgeCache e && alive) {
            details.put("cachedChunks", Integer.toString(ask(m, e::cachedChunks)));
            neighbours.add(ORIGIN);
        } else if (m.handler instanceof Listener l && alive) {
            details.put("neighbours", Integer.toString(ask(m, l::neighbourCount)));
            details.put("playing", Boolean.toString(ask(m, l::playing)));
            neighbours.add(ORIGIN);
        }
        return new PeerInfo(id, m.node.address(), m.role, alive, neighbours, 0, details);
    }

    /** Reads a listener's or edge's state on its own thread. */
    private <T> T ask(Member m, java.util.function.Supplier<T> read) {
        CompletableFuture<T> f = new CompletableFuture<>();
        m.node.execute(() -> f.complete(read.get()));
        try {
            return transport.await(f, Duration.ofSeconds(5));
        } catch (TimeoutException e) {
            throw new OverlayException("peer did not answer; is the network running?");
        }
    }

    @Override
    public synchronized Topology topology() {
        List<PeerInfo> infos = new ArrayList<>();
        List<Topology.Edge> edges = new ArrayList<>();
        for (PeerId id : registry.ids()) {
            PeerInfo info = info(id);
            infos.add(info);
            if (!id.equals(ORIGIN) && info.alive()) {
                edges.add(new Topology.Edge(ORIGIN, id));
            }
        }
        return new Topology(infos, edges);
    }

    @Override
    public synchronized void close() {
        for (Member m : registry.all()) {
            if (m.node.isAlive()) {
                if (m.handler instanceof Listener l) {
                    m.node.execute(l::stop);
                }
                m.node.close();
            }
        }
    }
}
