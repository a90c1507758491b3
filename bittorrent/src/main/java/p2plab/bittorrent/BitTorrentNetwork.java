package p2plab.bittorrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.choke.FreeRiderChoker;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.discovery.PeerSource;
import p2plab.bittorrent.discovery.PeerSourceFactory;
import p2plab.bittorrent.metainfo.MagnetLink;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.peer.Connection;
import p2plab.bittorrent.peer.SwarmResult;
import p2plab.bittorrent.peer.SwarmStatus;
import p2plab.bittorrent.picker.Pickers;
import p2plab.bittorrent.picker.PiecePicker;
import p2plab.bittorrent.storage.ContentStore;
import p2plab.bittorrent.storage.HeldPieces;
import p2plab.bittorrent.storage.MemoryStore;
import p2plab.bittorrent.storage.PieceStore;
import p2plab.bittorrent.tracker.TrackerClient;
import p2plab.bittorrent.tracker.TrackerServer;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.content.Digests;
import p2plab.common.metrics.Tally;
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
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.Transport;

/**
 * A running BitTorrent network: the tracker as peer 0, clients from 1 on. {@code share} makes a
 * torrent of the content, lists it at the tracker and seeds it; {@code search} asks the tracker's
 * {@code /search}; {@code download} joins the torrent's swarm. Protocol logic lives in
 * {@link Client} and below; this class builds, wires and translates ids.
 */
public final class BitTorrentNetwork implements Network {
    private static final PeerId TRACKER = PeerId.of(0);

    private final String name;
    private final Transport transport;
    private final BitTorrentOptions options;
    private final Supplier<PiecePicker> pickers;
    private final Supplier<Choker> chokers;
    private final PeerSourceFactory sources;
    private final PeerRegistry<Member> registry = new PeerRegistry<>(this::isAlive);
    private final Map<ContentId, Metainfo> torrents = new ConcurrentHashMap<>();
    private final Map<ContentId, String> names = new ConcurrentHashMap<>();
    private final Map<ContentId, Content> shared = new ConcurrentHashMap<>();
    private final Map<String, PeerId> byPeerKey = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong searches = new java.util.concurrent.atomic.AtomicLong();
    private TrackerServer tracker;
    /** When the tracker last (re)started: a restarted tracker knows only the peers that announced since. */
    private volatile long trackerStartedNanos = Long.MIN_VALUE;

    private boolean isAlive(Member m) {
        return m.client == null ? tracker.node().isAlive() : m.client.isAlive();
    }

    private BitTorrentNetwork(String name, Transport transport, BitTorrentOptions options, Supplier<PiecePicker> pickers,
                              Supplier<Choker> chokers, PeerSourceFactory sources) {
        this.name = name;
        this.sources = sources;
        this.transport = transport;
        this.options = options;
        this.pickers = pickers != null ? pickers : Pickers.byName(options.picker());
        this.chokers = chokers != null ? chokers : options.chokers();
    }

    public static BitTorrentNetwork start(NetworkSpec spec, Transport transport, Supplier<PiecePicker> pickers,
                                          Supplier<Choker> chokers) {
        return start(spec, transport, pickers, chokers, Progress.NONE);
    }

    /** Starts them, telling {@code progress} how many peers have started. */
    public static BitTorrentNetwork start(NetworkSpec spec, Transport transport, Supplier<PiecePicker> pickers,
                                          Supplier<Choker> chokers, Progress progress) {
        return start(spec, transport, pickers, chokers, progress, PeerSourceFactory.NONE);
    }

    /** As above; every client also gets the peer sources {@code sources} opens for it. */
    public static BitTorrentNetwork start(NetworkSpec spec, Transport transport, Supplier<PiecePicker> pickers,
                                          Supplier<Choker> chokers, Progress progress, PeerSourceFactory sources) {
        BitTorrentOptions options = BitTorrentOptions.parse(spec.options());
        if (options.freeRiders() > spec.peers()) {
            throw new OverlayException("free-riders (" + options.freeRiders() + ") cannot exceed --peers (" + spec.peers() + ")");
        }
        BitTorrentNetwork n = new BitTorrentNetwork(spec.name(), transport, options, pickers, chokers, sources);
        n.tracker = TrackerServer.start(transport, TRACKER.label(), 0, options.interval());
        n.registry.add(new Member(null, PeerSpec.UNLIMITED, false));
        for (int i = 0; i < spec.peers(); i++) {
            if (i % 1024 == 0) {
                progress.update("starting peers", i, spec.peers());
            }
            n.startPeer(n.registry.nextId(), spec.peerSpec(), i >= spec.peers() - options.freeRiders(), 0, null);
        }
        return n;
    }

    public String announceUrl() {
        return tracker.announceUrl();
    }

    private PeerId startPeer(PeerId id, PeerSpec spec, boolean freeRider, int port, Member old) {
        ClientOptions co = ClientOptions.defaults().withPicker(pickers)
                .withChoker(freeRider ? FreeRiderChoker::new : chokers)
                .withPeer(options.peerConfig())
                .withMaxReannounce(options.interval());
        if (options.trackerless()) {
            co = co.withoutTracker();
        }
        NodeConfig cfg = NodeConfig.named(id.label()).withRates(spec.uploadBytesPerSec(), spec.downloadBytesPerSec());
        Client client = Client.open(transport, id.label(), port, cfg, co);
        for (PeerSource s : sources.open(id, transport)) {
            client.addPeerSource(s);
        }
        Member m = new Member(client, spec, freeRider);
        byPeerKey.put(client.peerKey(), id);
        if (old == null) {
            registry.add(m);
        } else {
            registry.replace(id, m);
            for (Held h : old.held.values()) {
                m.held.put(h.content, new Held(h.content, h.meta, h.store, null));
                client.get(h.meta, h.store).thenAccept(t -> m.held.put(h.content, new Held(h.content, h.meta, h.store, t)));
            }
        }
        return id;
    }

    // ---- Network ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public String overlay() {
        return "bittorrent";
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
        return startPeer(registry.nextId(), spec, false, 0, null);
    }

    @Override
    public synchronized void kill(PeerId id) {
        Member m = registry.alive(id);
        if (m.client == null) {
            tracker.node().kill();
        } else {
            m.client.kill();
        }
    }

    @Override
    public synchronized void revive(PeerId id) {
        Member old = registry.get(id);
        if (isAlive(old)) {
            throw new OverlayException("peer " + id + " is already running; kill it first with `peer kill " + id + "`");
        }
        if (old.client == null) {
            int port = tracker.node().address().port();
            TrackerServer fresh = TrackerServer.start(transport, TRACKER.label(), port, options.interval());
            for (Metainfo meta : torrents.values()) {
                fresh.publish(meta);
            }
            tracker = fresh;
            trackerStartedNanos = transport.clock().nanos();
            registry.replace(id, new Member(null, PeerSpec.UNLIMITED, false));
            return;
        }
        startPeer(id, old.spec, old.freeRider, old.client.address().port(), old);
    }

    /** Makes a torrent of {@code content}, lists it at the tracker, and seeds it from peer {@code id}. */
    @Override
    public void share(PeerId id, Content content) {
        Member m = client(id);
        Metainfo meta = torrents.computeIfAbsent(content.id(), k -> Torrents.of(content,
                options.trackerless() ? null : tracker.announceUrl(), options.pieceLength()));
        names.put(content.id(), content.name());
        shared.put(content.id(), content);
        TrackerServer t = tracker;
        t.node().execute(() -> t.publish(meta));
        PieceStore store = new ContentStore(content);
        m.held.put(content.id(), new Held(content.id(), meta, store, null));
        m.client.seed(meta, store).thenAccept(tr -> m.held.put(content.id(), new Held(content.id(), meta, store, tr)));
    }

    @Override
    public CompletableFuture<SearchResult> search(PeerId from, Query query) {
        Member m = client(from);
        long start = transport.clock().nanos();
        TrackerClient tc = m.client.trackerClient();
        CompletableFuture<SearchResult> result = new CompletableFuture<>();
        String trace = from.label() + "-" + searches.incrementAndGet();
        Object tallyKey = "bittorrent-http:" + trace;
        Tally tally = transport.metrics().openTally(tallyKey);
        tc.node().execute(() -> tc.search(tracker.announceUrl(), query.text(), trace).whenComplete((found, e) -> {
            double ms = (transport.clock().nanos() - start) / 1e6;
            transport.metrics().closeTally(tallyKey);
            if (e != null) {
                Throwable why = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                result.completeExceptionally(new OverlayException("search failed: " + why.getMessage()
                        + " (if peer 0, the tracker, is down, `peer revive 0` brings it back)"));
                return;
            }
            List<Hit> hits = new ArrayList<>();
            for (TrackerClient.Found f : found) {
                ContentId id = contentOf(f.infoHash());
                if (id != null) {
                    hits.add(new Hit(TRACKER, id, f.name(), f.length(), 1));
                }
            }
            result.complete(new SearchResult("bittorrent", from, query, hits, hits.isEmpty() ? -1 : 1, tally.messages(), 0, 1, ms, ms,
                    false, Map.of("seeds", found.isEmpty() ? "0" : Long.toString(found.get(0).seeds()))));
        }));
        return result;
    }

    private ContentId contentOf(byte[] infoHash) {
        for (Map.Entry<ContentId, Metainfo> e : torrents.entrySet()) {
            if (java.util.Arrays.equals(e.getValue().infoHash(), infoHash)) {
                return e.getKey();
            }
        }
        return null;
    }

    @Override
    public CompletableFuture<TransferResult> download(PeerId to, ContentId what, DownloadProgress progress) {
        Member m = client(to);
        Metainfo meta = torrents.get(what);
        if (meta == null) {
            throw new OverlayException("no torrent for " + what.shortHex() + " in this network; `search` for the file first");
        }
        Held existing = m.held.get(what);
        PieceStore store = existing != null ? existing.store
                : options.sharedStore() ? new HeldPieces(shared.get(what), meta.pieceLength()) : new MemoryStore(meta.pieceLength());
        CompletableFuture<TransferResult> result = new CompletableFuture<>();
        CompletableFuture<Client.Torrent> started = existing != null && existing.torrent != null
                ? CompletableFuture.completedFuture(existing.torrent)
                : options.magnet() ? m.client.get(MagnetLink.of(meta), fetched -> store) : m.client.get(meta, store);
        started.thenAccept(t -> {
            m.held.put(what, new Held(what, meta, store, t));
            t.onStatus(s -> progress.update(s.bytesHave(), s.bytesTotal(), s.unchokedBy()));
            t.completion().thenAccept(r -> result.complete(toTransfer(to, what, meta, store, r)));
        });
        return result;
    }

    private TransferResult toTransfer(PeerId to, ContentId what, Metainfo meta, PieceStore store, SwarmResult r) {
        List<TransferResult.Source> sources = new ArrayList<>();
        r.sources().entrySet().stream().sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
                .forEach(e -> {
                    PeerId p = byPeerKey.get(e.getKey());
                    if (p != null) {
                        sources.add(new TransferResult.Source(p, e.getValue()));
                    }
                });
        // A shared store reads the shared content itself, so hashing it again proves nothing (and
        // costs a whole file per leecher): every piece it holds already passed its SHA-1 check.
        boolean verified = r.complete() && (store instanceof HeldPieces || ContentId.of(sha256(store, meta.totalLength())).equals(what));
        return new TransferResult(to, what, names.getOrDefault(what, meta.name()), r.bytes(), r.durationNanos() / 1e6, sources,
                verified);
    }

    private static byte[] sha256(PieceStore store, long size) {
        java.security.MessageDigest d = Digests.sha256();
        for (long off = 0; off < size; off += 1 << 20) {
            d.update(store.read(off, (int) Math.min(1 << 20, size - off)));
        }
        return d.digest();
    }

    /** The bytes peer {@code id} holds for {@code what} (complete or not), for checks. */
    public byte[] bytes(PeerId id, ContentId what) {
        Held h = client(id).held.get(what);
        if (h == null) {
            throw new OverlayException("peer " + id + " holds no torrent for " + what.shortHex());
        }
        return h.store.read(0, (int) h.meta.totalLength());
    }

    /** The live state of peer {@code id}'s swarm for {@code what}, or null when it has none. */
    public SwarmStatus status(PeerId id, ContentId what) {
        Held h = registry.get(id).held.get(what);
        return h == null || h.torrent == null || h.torrent.session() == null ? null : h.torrent.session().status();
    }

    /** How many running peers hold each piece of {@code what}. */
    @Override
    public int[] replication(ContentId what) {
        Metainfo meta = torrents.get(what);
        int[] counts = new int[meta.pieceCount()];
        for (PeerId id : registry.aliveIds()) {
            Held h = registry.get(id).held.get(what);
            if (h != null && h.torrent != null && h.torrent.session() != null) {
                for (int i = 0; i < counts.length; i++) {
                    counts[i] += h.torrent.session().storage().have().has(i) ? 1 : 0;
                }
            }
        }
        return counts;
    }

    /** Payload bytes peer {@code id} uploaded for {@code what}. */
    public long uploaded(PeerId id, ContentId what) {
        Held h = registry.get(id).held.get(what);
        return h == null || h.torrent == null || h.torrent.session() == null ? 0 : h.torrent.session().bytesUp();
    }

    public Metainfo torrent(ContentId what) {
        return torrents.get(what);
    }

    @Override
    public Topology topology() {
        List<PeerInfo> infos = new ArrayList<>();
        List<Topology.Edge> edges = new ArrayList<>();
        for (PeerId id : registry.ids()) {
            PeerInfo info = info(id);
            infos.add(info);
            for (PeerId n : info.neighbours()) {
                if (id.compareTo(n) < 0) {
                    edges.add(new Topology.Edge(id, n));
                }
            }
        }
        return new Topology(infos, edges);
    }

    /** One peer as the shell shows it: role, swarm neighbours, and per torrent pieces, rates and choke state. */
    @Override
    public PeerInfo info(PeerId id) {
        Member m = registry.get(id);
        if (m.client == null) {
            return new PeerInfo(id, tracker.node().address(), Role.TRACKER, tracker.node().isAlive(), List.of(), torrents.size(),
                    Map.of("torrents", Integer.toString(torrents.size())));
        }
        List<PeerId> neighbours = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        boolean seedOfAll = !m.held.isEmpty();
        for (Held h : m.held.values()) {
            if (h.torrent == null || h.torrent.session() == null) {
                seedOfAll = false;
                if (h.torrent != null) { // a magnet download still finding peers or fetching the metadata
                    details.put(names.getOrDefault(h.content, h.meta.name()), h.torrent.phase().label());
                }
                continue;
            }
            SwarmStatus s = h.torrent.session().status();
            seedOfAll &= s.piecesHave() == s.pieces();
            String name = names.getOrDefault(h.content, h.meta.name());
            details.put(name, s.line());
            // Which pieces, not only how many: the live view draws each peer's bar and the swarm's availability from it.
            details.put(name + " bitfield", java.util.HexFormat.of().formatHex(h.torrent.session().storage().have().toWire()));
            for (Connection c : h.torrent.session().connections()) {
                PeerId n = byPeerKey.get(c.peerKey());
                if (n != null && !neighbours.contains(n)) {
                    neighbours.add(n);
                }
            }
        }
        if (m.freeRider) {
            details.put("free-rider", "true");
        }
        return new PeerInfo(id, m.client.address(), seedOfAll ? Role.SEED : Role.LEECHER, m.client.isAlive(), neighbours, m.held.size(),
                details);
    }

    /**
     * Crashes not yet noticed by a swarm neighbour, and, while the tracker runs, peers it does not
     * know yet: after a restart it knows only those that have announced since (a client
     * re-announces on its interval, not when the tracker comes back).
     */
    @Override
    public List<String> pending() {
        List<String> out = registry.anyDead() ? new ArrayList<>(Network.super.pending()) : new ArrayList<>();
        if (!tracker.node().isAlive() || options.trackerless()) {
            return out;
        }
        List<String> unannounced = new ArrayList<>();
        for (PeerId id : registry.ids()) {
            Member m = registry.get(id);
            if (m.client != null && m.client.isAlive()
                    && m.held.values().stream().anyMatch(h -> h.torrent != null && h.torrent.lastAnnouncedNanos() < trackerStartedNanos)) {
                unannounced.add(id.toString());
            }
        }
        if (!unannounced.isEmpty()) {
            out.add((unannounced.size() <= 5 ? "peer " + String.join(", ", unannounced) : unannounced.size() + " peers")
                    + " not announced to the tracker since it came back (peers announce every "
                    + options.interval().toSeconds() + " s)");
        }
        return out;
    }

    private Member client(PeerId id) {
        if (id.equals(TRACKER)) {
            throw new OverlayException("peer 0 is the tracker; it neither shares nor downloads. Use peers 1.." + (registry.size() - 1));
        }
        return registry.alive(id);
    }

    @Override
    public void close() {
        for (Member m : registry.all()) {
            if (m.client != null && m.client.isAlive()) {
                m.client.kill();
            }
        }
        tracker.close();
    }

    /** A torrent held by a peer: its data store, and its running torrent once started. */
    private record Held(ContentId content, Metainfo meta, PieceStore store, Client.Torrent torrent) {
    }

    private static final class Member {
        final Client client;
        final PeerSpec spec;
        final boolean freeRider;
        final Map<ContentId, Held> held = new ConcurrentHashMap<>();

        Member(Client client, PeerSpec spec, boolean freeRider) {
            this.client = client;
            this.spec = spec;
            this.freeRider = freeRider;
        }
    }
}
