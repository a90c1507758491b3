package p2plab.kademlia;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
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
import p2plab.common.transport.NodeSeeds;
import p2plab.common.transport.Transport;
import p2plab.kademlia.dht.AnnounceResult;
import p2plab.kademlia.dht.DhtConfig;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.dht.TraceEvent;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.krpc.KrpcCodec;
import p2plab.kademlia.krpc.KrpcMessage;
import p2plab.kademlia.lookup.LookupResult;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicy;
import p2plab.kademlia.routing.FilledTables;
import p2plab.kademlia.routing.RoutingTable;
import p2plab.kademlia.routing.SortedIds;

/**
 * A running Kademlia network: one DHT node per peer, all on one transport. A network created
 * whole is built one of two ways ({@link KademliaOptions#filled}): small ones join one by one,
 * each node through the lowest-numbered live peer, as a lab shows it; large ones (10,000 peers
 * and more, unless {@code build=join}) get their routing tables filled directly, as a network
 * that has been up a while holds them ({@link FilledTables}). A peer added or revived later
 * always joins. This class only builds, wires and dispatches; the protocol lives in
 * {@link DhtNode}.
 *
 * <p>Files are indexed as in eMule's Kad keyword index: each word of a file's name is a key (its
 * SHA-1), and sharing a file announces its holder under every key. A search looks up the key of
 * its first keyword with get_peers; the holders it finds are matched against the whole query by
 * their shared file lists, which this class reads from its own bookkeeping (a Kad client would
 * find the file's name and size stored with the keyword).
 */
public final class KademliaNetwork implements Network, DhtView {
    /** How long joining, announcing and looking up may take before the shell hears "timed out". */
    static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final Transport transport;
    private final DhtConfig config;
    private final BucketPolicy bucketPolicy;
    private final NextHopPolicy nextHop;
    private final long seed;
    private final KrpcCodec codec = new KrpcCodec();
    private final PeerRegistry<Member> registry = new PeerRegistry<>(Member::alive);
    private final Map<Address, PeerId> byAddress = new HashMap<>();
    /** Set on a network built with filled tables until a peer is added, killed or revived: bulk shares are stored directly. */
    private volatile DirectAnnouncements direct;
    /** Mixed into the seed for the tables' draws, so they are not the nodes' own random streams. */
    private static final long TABLE_SEED = 0x6b61646d6c696e6bL;

    private KademliaNetwork(String name, Transport transport, DhtConfig config, BucketPolicy bucketPolicy,
                            NextHopPolicy nextHop, long seed) {
        this.name = name;
        this.transport = transport;
        this.config = config;
        this.bucketPolicy = bucketPolicy;
        this.nextHop = nextHop;
        this.seed = seed;
    }

    /** Starts {@code spec.peers()} nodes: joined one after the other, or with filled tables (see {@link KademliaOptions#filled}). */
    public static KademliaNetwork start(NetworkSpec spec, Transport transport, BucketPolicy bucketPolicy, NextHopPolicy nextHop) {
        return start(spec, transport, bucketPolicy, nextHop, Progress.NONE);
    }

    /** The same, telling {@code progress} how far it got (which may cancel it by throwing). */
    public static KademliaNetwork start(NetworkSpec spec, Transport transport, BucketPolicy bucketPolicy, NextHopPolicy nextHop,
                                        Progress progress) {
        KademliaNetwork network = new KademliaNetwork(spec.name(), transport, KademliaOptions.parse(spec.options()),
                bucketPolicy, nextHop, spec.seed());
        if (KademliaOptions.filled(spec.options(), spec.peers())) {
            network.startFilled(spec.peers(), spec.peerSpec(), progress);
        } else {
            for (int i = 0; i < spec.peers(); i++) {
                if (i % 100 == 0) {
                    progress.update("nodes joining one by one", i, spec.peers());
                }
                network.addPeer(spec.peerSpec());
            }
        }
        return network;
    }

    /**
     * Opens every node, then gives each a routing table filled directly ({@link FilledTables}),
     * computed on all cores and handed to each node on its own thread. No message is sent.
     */
    private synchronized void startFilled(int peers, PeerSpec spec, Progress progress) {
        Member[] members = new Member[peers];
        Contact[] contacts = new Contact[peers];
        for (int i = 0; i < peers; i++) {
            if (i % 10_000 == 0) {
                progress.update("starting nodes", i, peers);
            }
            PeerId id = registry.nextId();
            Member m = open(id, spec, 0, Member.noShares());
            registry.add(m);
            byAddress.put(m.node.address(), id);
            members[i] = m;
            contacts[i] = new Contact(m.dht.id(), m.node.address());
        }
        progress.update("filling routing tables", 0, peers);
        SortedIds sorted = FilledTables.sortedIds(contacts);
        RoutingTable[] tables = FilledTables.fill(contacts, sorted, config.k(), config.goodFor().toNanos(), bucketPolicy,
                transport.clock().nanos(), NodeSeeds.mix(seed ^ TABLE_SEED));
        CompletableFuture<Void> adopted = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(peers);
        for (int i = 0; i < peers; i++) {
            Member m = members[i];
            RoutingTable t = tables[i];
            m.node.execute(() -> {
                m.dht.adopt(t);
                if (left.decrementAndGet() == 0) {
                    adopted.complete(null);
                }
            });
        }
        if (peers == 0) {
            adopted.complete(null);
        }
        await(adopted, "the nodes did not take their routing tables");
        progress.update("filling routing tables", peers, peers);
        direct = new DirectAnnouncements(sorted, members, config.k(), config.maxPeersPerKey());
    }

    public DhtConfig config() {
        return config;
    }

    /** The id of peer {@code n}: drawn from the network's seed, the same in every run. */
    private NodeId idFor(PeerId id) {
        return NodeId.random(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id.value()));
    }

    /** Opens peer {@code id}'s node and starts its DHT node on the node's thread; it knows nobody yet. */
    private Member open(PeerId id, PeerSpec spec, int port, Map<String, Content> shares) {
        DhtNode dht = new DhtNode(idFor(id), config, bucketPolicy, nextHop);
        dht.serve(wanted -> {
            synchronized (shares) {
                for (Content c : shares.values()) {
                    if (c.id().equals(wanted)) {
                        return c;
                    }
                }
            }
            return null;
        });
        NodeConfig nodeConfig = new NodeConfig(id.label(), port, spec.uploadBytesPerSec(), spec.downloadBytesPerSec(), null);
        Node<KrpcMessage> node = transport.open(nodeConfig, codec, dht);
        node.execute(() -> dht.start(node));
        return new Member(dht, node, spec, shares);
    }

    /** Opens the peer, joins it through the lowest-numbered live peer and announces what it shares. */
    private Member startPeer(PeerId id, PeerSpec spec, int port, Map<String, Content> shares) {
        Member m = open(id, spec, port, shares);
        Address known = bootstrapAddress();
        if (known != null) {
            await(onPeer(m, d -> d.bootstrap(known)), "peer " + id + " could not join through " + known);
        } else {
            await(onPeer(m, d -> CompletableFuture.completedFuture(null)), "peer " + id + " did not start");
        }
        synchronized (shares) {
            if (!shares.isEmpty()) { // values() would keep a view object in every peer's map
                for (Content c : shares.values()) {
                    announceAll(m, c);
                }
            }
        }
        return m;
    }

    /** The lowest-numbered live peer, through which newcomers join; null in an empty network. */
    private Address bootstrapAddress() {
        for (Member m : registry.all()) {
            if (m.alive()) {
                return m.node.address();
            }
        }
        return null;
    }

    // ---- Network ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public String overlay() {
        return "kademlia";
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
        direct = null;
        PeerId id = registry.nextId();
        Member m = startPeer(id, spec, 0, Member.noShares());
        registry.add(m);
        byAddress.put(m.node.address(), id);
        return id;
    }

    @Override
    public synchronized void kill(PeerId id) {
        Member m = registry.alive(id);
        direct = null;
        m.node.execute(m.dht::stop);
        m.node.kill();
    }

    @Override
    public synchronized void revive(PeerId id) {
        Member old = registry.get(id);
        if (old.alive()) {
            throw new OverlayException("peer " + id + " is already running; kill it first with `peer kill " + id + "`");
        }
        direct = null;
        Member m = startPeer(id, old.spec, old.node.address().port(), old.shares);
        registry.replace(id, m);
        byAddress.put(m.node.address(), id);
    }

    @Override
    public void share(PeerId id, Content content) {
        Member m = registry.alive(id);
        if (content.keywords().isEmpty()) {
            throw new IllegalArgumentException("\"" + content.name() + "\" has no word to index it under; rename the file");
        }
        synchronized (m.shares) {
            m.shares.put(content.name(), content);
        }
        announceAll(m, content);
    }

    /**
     * On a network just built with filled tables, the files' announcements go straight into the
     * stores they would reach ({@link DirectAnnouncements}), without a message: a catalogue of
     * 400,000 files would otherwise cost millions of lookups before the first query. Otherwise
     * (and after any churn) file by file, as {@link #share} does.
     */
    @Override
    public void shareAll(PeerId id, List<? extends Content> contents) {
        DirectAnnouncements bulk = direct;
        if (bulk == null) {
            Network.super.shareAll(id, contents);
            return;
        }
        Member m = registry.alive(id);
        for (Content c : contents) {
            if (c.keywords().isEmpty()) {
                throw new IllegalArgumentException("\"" + c.name() + "\" has no word to index it under; rename the file");
            }
        }
        synchronized (m.shares) {
            for (Content c : contents) {
                m.shares.put(c.name(), c);
            }
        }
        boolean schedule = false;
        for (Content c : contents) {
            for (String word : c.keywords()) {
                schedule |= bulk.add(id.value(), word);
            }
        }
        if (schedule) {
            transport.clock().schedule(Duration.ZERO, () -> bulk.flush(transport.clock().nanos()));
        }
    }

    /** Announces {@code m} under every keyword of the file, and waits for the announcements. */
    private void announceAll(Member m, Content content) {
        for (String word : content.keywords()) {
            NodeId key = NodeId.sha1(word);
            AnnounceResult r = await(onPeer(m, d -> d.announce(key, m.node.address().port(), false)),
                    m.node.label() + " could not announce \"" + word + "\"");
            if (r.accepted() == 0 && registry.aliveIds().size() > 1) {
                throw new OverlayException(m.node.label() + " found no node to store \"" + word + "\" at; is the network running?");
            }
        }
    }

    /** A get_peers lookup of the first keyword's key; the holders found are matched against the whole query. */
    @Override
    public CompletableFuture<SearchResult> search(PeerId from, Query query) {
        Member m = registry.alive(from);
        if (query.keywords().isEmpty()) {
            throw new IllegalArgumentException("a Kademlia search needs a keyword");
        }
        NodeId key = NodeId.sha1(query.keywords().get(0));
        long started = transport.clock().nanos();
        return onPeer(m, d -> d.getPeers(key)).thenApply(r -> searchResult(from, query, r, started));
    }

    private synchronized SearchResult searchResult(PeerId from, Query query, LookupResult r, long started) {
        List<Hit> hits = new ArrayList<>();
        for (Address holder : r.peers()) {
            PeerId holderId = byAddress.get(holder);
            if (holderId == null) {
                continue; // a peer from outside this network (a libtorrent node, say)
            }
            Member h = registry.get(holderId);
            synchronized (h.shares) {
                for (Content c : h.shares.values()) {
                    if (query.matches(c.name())) {
                        hits.add(new Hit(holderId, c.id(), c.name(), c.size(), r.rounds()));
                    }
                }
            }
        }
        double millis = (transport.clock().nanos() - started) / 1e6;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("key", key(query).hex());
        details.put("rounds", Integer.toString(r.rounds()));
        details.put("distanceBitsByRound", r.distanceBits().toString());
        details.put("timeouts", Integer.toString(r.timeouts()));
        return new SearchResult("kademlia", from, query, hits, hits.isEmpty() ? -1 : r.rounds(), r.messages(), 0,
                r.queries(), millis, millis, false, details);
    }

    private static NodeId key(Query q) {
        return NodeId.sha1(q.keywords().get(0));
    }

    /** A lookup from peer {@code from}: find_node, or get_peers when {@code getPeers}; traced into {@code trace} if not null. */
    public CompletableFuture<LookupResult> lookup(PeerId from, NodeId target, boolean getPeers, List<TraceEvent> trace) {
        Member m = registry.alive(from);
        return onPeer(m, d -> d.lookup(target, getPeers, trace));
    }

    /** Announces {@code infoHash} from peer {@code from} on its own port. */
    public CompletableFuture<AnnounceResult> announce(PeerId from, NodeId infoHash) {
        Member m = registry.alive(from);
        return onPeer(m, d -> d.announce(infoHash, m.node.address().port(), false));
    }

    /** Peer {@code id}'s DHT node, to read its table (call while the network is quiet). */
    public DhtNode dht(PeerId id) {
        return registry.get(id).dht;
    }

    /** The peer listening at {@code address}, if it belongs to this network. */
    public synchronized PeerId peerAt(Address address) {
        return byAddress.get(address);
    }

    /**
     * Finds the holders as a search does (a get_peers lookup of the file's first keyword), then
     * fetches the file in blocks from the first holder that has it, and checks its SHA-256.
     */
    @Override
    public CompletableFuture<TransferResult> download(PeerId to, ContentId what, DownloadProgress progress) {
        Member m = registry.alive(to);
        Content known = findShared(what);
        if (known == null) {
            throw new OverlayException("no peer of this network has shared " + what.shortHex()
                    + "; `search` for the file and download one of its hits");
        }
        NodeId key = NodeId.sha1(known.keywords().get(0));
        long started = transport.clock().nanos();
        return onPeer(m, d -> d.getPeers(key).thenCompose(r -> fetchFromFirst(d, new ArrayList<>(r.peers()), what, known.size(), progress)))
                .thenApply(got -> {
                    boolean verified = java.util.Arrays.equals(p2plab.common.content.Digests.sha256(got.data()), what.bytes());
                    PeerId source = peerAt(got.holder());
                    List<TransferResult.Source> sources = source == null ? List.of() : List.of(new TransferResult.Source(source, got.data().length));
                    return new TransferResult(to, what, known.name(), got.data().length,
                            (transport.clock().nanos() - started) / 1e6, sources, verified);
                });
    }

    private record Fetched(Address holder, byte[] data) { }

    /** Tries the holders in turn until one hands out the whole file. */
    private static CompletableFuture<Fetched> fetchFromFirst(DhtNode d, List<Address> holders, ContentId what, long size,
                                                             DownloadProgress progress) {
        if (holders.isEmpty()) {
            return CompletableFuture.failedFuture(new OverlayException("no live holder of " + what.shortHex() + " answered; try again later"));
        }
        Address holder = holders.remove(0);
        return d.fetch(holder, what, size, progress).handle((data, failure) -> failure == null
                ? CompletableFuture.completedFuture(new Fetched(holder, data))
                : fetchFromFirst(d, holders, what, size, progress)).thenCompose(f -> f);
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

    /** The default's answer (live peers whose tables still list a crashed one), without reading every table when none crashed. */
    @Override
    public List<String> pending() {
        return registry.anyDead() ? Network.super.pending() : List.of();
    }

    /** Every live peer: they are all alike here (no server, no tracker), so the tables need not be read. */
    @Override
    public List<PeerId> sharers() {
        return registry.aliveIds();
    }

    @Override
    public synchronized Topology topology() {
        List<PeerInfo> infos = new ArrayList<>();
        List<Topology.Edge> edges = new ArrayList<>();
        for (PeerId id : registry.ids()) {
            Member m = registry.get(id);
            boolean alive = m.alive();
            List<PeerId> known = new ArrayList<>();
            if (alive) {
                for (var c : m.dht.table().contacts()) {
                    PeerId other = byAddress.get(c.address());
                    if (other != null) {
                        known.add(other);
                        if (id.compareTo(other) < 0) {
                            edges.add(new Topology.Edge(id, other));
                        }
                    }
                }
            }
            int shares;
            synchronized (m.shares) {
                shares = m.shares.size();
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("id", m.dht.id().shortHex());
            details.put("buckets", Integer.toString(alive ? m.dht.table().bucketCount() : 0));
            details.put("stored", Integer.toString(alive ? m.dht.stored() : 0));
            infos.add(new PeerInfo(id, m.node.address(), Role.PEER, alive, known, shares, details));
        }
        return new Topology(infos, edges);
    }

    @Override
    public synchronized void close() {
        for (Member m : registry.all()) {
            if (m.alive()) {
                m.node.execute(m.dht::stop);
                m.node.close();
            }
        }
    }

    // ---- helpers ----

    private <T> T await(CompletableFuture<T> f, String failure) {
        try {
            return transport.await(f, OPERATION_TIMEOUT);
        } catch (TimeoutException e) {
            throw new OverlayException(failure + ": timed out");
        } catch (RuntimeException e) {
            throw new OverlayException(failure + ": " + e.getMessage());
        }
    }

    /** Runs {@code action} on the peer's thread and hands its future's outcome back. */
    private static <T> CompletableFuture<T> onPeer(Member m, Function<DhtNode, CompletableFuture<T>> action) {
        CompletableFuture<T> out = new CompletableFuture<>();
        m.node.execute(() -> {
            try {
                action.apply(m.dht).whenComplete((v, e) -> {
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
}
