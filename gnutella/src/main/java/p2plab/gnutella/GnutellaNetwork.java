package p2plab.gnutella;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.cores.EveryCore;
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
import p2plab.common.topology.Graph;
import p2plab.common.topology.Topologies;
import p2plab.common.transport.Address;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.Transport;
import p2plab.gnutella.message.GnutellaCodec;
import p2plab.gnutella.routing.ForwardingRule;
import p2plab.gnutella.servent.FoundFile;
import p2plab.gnutella.servent.SearchOutcome;
import p2plab.gnutella.servent.Servent;
import p2plab.gnutella.servent.ServentConfig;
import p2plab.gnutella.servent.SharedFiles;

/**
 * A running Gnutella network: servents wired along a generated graph (every edge a real 0.6
 * handshake), peers added later join through known hosts and Ping/Pong. Searches and downloads
 * run on the asking servent; their figures come from the transport's tallies.
 */
public final class GnutellaNetwork implements Network {
    private static final Duration WIRING_TIMEOUT = Duration.ofSeconds(120);
    private static final int KNOWN_HOSTS = 3;
    /** Graphs of up to this many edges are wired in {@link HandshakeRounds}; larger ones in batches. */
    static final int ROUNDS_UP_TO = 32_768;
    /**
     * Handshakes in flight at once while a large network is wired. Small, so that the objects a
     * batch makes are still in the processor's cache when its messages arrive: at a million
     * peers, 512 wires in about two thirds of the time 32,768 took (docs/benchmarks.md).
     */
    private static final int HANDSHAKE_BATCH = 512;
    /** The progress bar moves every this many handshakes. */
    static final int PROGRESS_EVERY = 32_768;
    /** Servents made on every core from this many on (fewer are not worth starting threads for). */
    private static final int PARALLEL_FROM = 16_384;

    private final NetworkSpec spec;
    private final Transport transport;
    private final GnutellaOptions options;
    private final Supplier<? extends ForwardingRule> rules;
    private final GnutellaCodec format = new GnutellaCodec();
    private final PeerRegistry<Servent> peers = new PeerRegistry<>(Servent::isAlive);
    private final Map<Address, PeerId> byAddress = new ConcurrentHashMap<>();
    private final Map<PeerId, List<CompletableFuture<?>>> pending = new ConcurrentHashMap<>();
    /** Peers added or revived whose handshakes are not all done yet: what {@link #pending()} reports. */
    private final Map<PeerId, CompletableFuture<Void>> joining = new ConcurrentHashMap<>();
    private final SplittableRandom random;
    private final Graph graph;
    private final Map<Integer, ServentConfig> configs = new ConcurrentHashMap<>();

    GnutellaNetwork(NetworkSpec spec, Transport transport, GnutellaOptions options,
                    Supplier<? extends ForwardingRule> rules, Progress progress) {
        this.spec = spec;
        this.transport = transport;
        this.options = options;
        this.rules = rules;
        this.random = new SplittableRandom(spec.seed() ^ 0x6E757465L);
        progress.update("generating the topology", 0, 0);
        this.graph = graph(spec);
        progress.update("starting peers", 0, graph.size());
        Servent[] servents = newServents();
        for (int i = 0; i < servents.length; i++) {
            if (i % 1024 == 0) {
                progress.update("starting peers", i, graph.size());
            }
            start(peers.nextId(), spec.peerSpec(), servents[i]);
        }
        wire(progress);
    }

    /**
     * A servent for every node of the graph, the large part made on every core. A servent is
     * plain objects that draw nothing at random when made, so the result is the same whatever
     * the number of threads; the forwarding rules (which a lab may supply) are made here first,
     * one by one in order, and the transport opens the nodes afterwards on this thread.
     */
    private Servent[] newServents() {
        int n = graph.size();
        ForwardingRule[] ruleOf = new ForwardingRule[n];
        for (int i = 0; i < n; i++) {
            ruleOf[i] = rules.get();
        }
        Servent[] servents = new Servent[n];
        IntConsumer make = i -> servents[i] = new Servent(config(graph.degree(i)), ruleOf[i], new SharedFiles());
        if (n >= PARALLEL_FROM) {
            EveryCore.forEach(n, make);
        } else {
            for (int i = 0; i < n; i++) {
                make.accept(i);
            }
        }
        return servents;
    }

    /** The settings of a servent that aims at {@code degree} neighbours: one record per degree, shared by its servents. */
    private ServentConfig config(int degree) {
        return configs.computeIfAbsent(degree, d -> ServentConfig.defaults().withDegree(d, Math.max(8, d + 4)));
    }

    private static Graph graph(NetworkSpec spec) {
        int n = spec.peers();
        try {
            if (spec.topology() != null) {
                return Topologies.generate(spec.topology(), n, spec.seed());
            }
            int d = Math.min(4, Math.max(0, n - 1));
            if ((long) n * d % 2 != 0) {
                d--;
            }
            return Topologies.randomRegular(n, d, spec.seed());
        } catch (IllegalArgumentException e) {
            throw new OverlayException(e.getMessage());
        }
    }

    /**
     * One handshake per graph edge, opened by the lower id; waits until all are done. A graph of
     * up to {@link #ROUNDS_UP_TO} edges (about 16,000 peers of degree 4, more than a class watches
     * over TCP) is wired in {@link HandshakeRounds}, so that what each servent learns from the
     * X-Try headers is the same on both drivers. A larger one is wired in batches, for speed,
     * and over TCP what those headers carry then depends on timing.
     */
    private void wire(Progress progress) {
        if (graph.edgeCount() <= ROUNDS_UP_TO) {
            wireInRounds(progress);
        } else {
            wireInBatches(progress);
        }
    }

    /**
     * Round after round, each waited for until both ends list every link of it: the side that
     * answered adds the link one trip after the side that dialled, at its confirmation.
     */
    private void wireInRounds(Progress progress) {
        long total = graph.edgeCount();
        long done = 0;
        progress.update("handshakes", 0, total);
        int[] links = new int[graph.size()];
        for (List<HandshakeRounds.Dials> round : HandshakeRounds.of(graph)) {
            Batch batch = new Batch();
            for (HandshakeRounds.Dials d : round) {
                List<Address> targets = new ArrayList<>(d.acceptors().length);
                for (int b : d.acceptors()) {
                    targets.add(peers.get(PeerId.of(b)).address());
                }
                dial(peers.get(PeerId.of(d.opener())), targets, batch);
            }
            int failed = batch.await();
            if (failed > 0) {
                throw new OverlayException(failed + " of " + total + " gnutella handshakes failed; try again or use fewer peers");
            }
            List<CompletableFuture<?>> confirmed = new ArrayList<>();
            for (HandshakeRounds.Dials d : round) {
                links[d.opener()] += d.acceptors().length;
                for (int b : d.acceptors()) {
                    confirmed.add(degreeAtLeast(peers.get(PeerId.of(b)), ++links[b]));
                }
                done += d.acceptors().length;
            }
            await(CompletableFuture.allOf(confirmed.toArray(CompletableFuture[]::new)));
            progress.update("handshakes", done, total);
        }
    }

    /** Completes (on any thread) once {@code s} lists {@code degree} neighbours. */
    private static CompletableFuture<Void> degreeAtLeast(Servent s, int degree) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        s.node().execute(() -> s.whenDegreeAtLeast(degree).whenComplete((v, e) -> f.complete(null)));
        return f;
    }

    /**
     * {@link #HANDSHAKE_BATCH} edges at a time: a million peers' handshakes all in flight at once
     * would hold gigabytes of messages and make the garbage collector copy them again and
     * again; a batch's die young, most of them before they leave the processor's cache.
     */
    private void wireInBatches(Progress progress) {
        long total = graph.edgeCount();
        long started = 0;
        long failed = 0;
        progress.update("handshakes", 0, total);
        Batch batch = new Batch();
        for (int a = 0; a < graph.size(); a++) {
            Servent from = peers.get(PeerId.of(a));
            List<Address> targets = new ArrayList<>(graph.degree(a));
            for (int b : graph.neighbours(a)) {
                if (a < b) {
                    targets.add(peers.get(PeerId.of(b)).address());
                    if (++started % HANDSHAKE_BATCH == 0 && started < total) {
                        dial(from, targets, batch);
                        targets = new ArrayList<>(graph.degree(a));
                        failed += batch.await();
                        batch = new Batch();
                        if (started % PROGRESS_EVERY == 0) {
                            progress.update("handshakes", started, total);
                        }
                    }
                }
            }
            dial(from, targets, batch);
        }
        failed += batch.await();
        // The opener is done at the 200 OK; the other end only at the confirmation, so wait for
        // that too, but only where it may still be on its way: a servent that already shows its
        // full degree has had every confirmation (with batches, all but the last batch's).
        List<CompletableFuture<?>> full = new ArrayList<>();
        for (int a = 0; a < graph.size(); a++) {
            Servent s = peers.get(PeerId.of(a));
            int degree = graph.degree(a);
            if (s.degree() < degree) {
                full.add(degreeAtLeast(s, degree));
            }
        }
        await(CompletableFuture.allOf(full.toArray(CompletableFuture[]::new)));
        progress.update("handshakes", total, total);
        if (failed > 0) {
            throw new OverlayException(failed + " of " + total + " gnutella handshakes failed; try again or use fewer peers");
        }
    }

    /**
     * One task on {@code from}'s thread opens its handshakes to {@code targets}, in order: the
     * same calls as a task per handshake, one event instead of one per link.
     */
    private static void dial(Servent from, List<Address> targets, Batch batch) {
        if (targets.isEmpty()) {
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            batch.started();
        }
        from.node().execute(() -> {
            for (Address to : targets) {
                from.connectTo(to).whenComplete((ok, e) -> batch.ended(ok != null && ok));
            }
        });
    }

    /**
     * Handshakes started together, counted as they end (on any servent's thread over TCP):
     * one counter for the lot instead of a future per handshake.
     */
    private final class Batch {
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile boolean allStarted;

        void started() {
            open.incrementAndGet();
        }

        void ended(boolean ok) {
            if (!ok) {
                failed.incrementAndGet();
            }
            if (open.decrementAndGet() == 0 && allStarted) {
                done.complete(null);
            }
        }

        /** Runs the network until every handshake of the batch has ended; how many failed. */
        int await() {
            allStarted = true;
            if (open.get() == 0) {
                done.complete(null);
            }
            GnutellaNetwork.this.await(done);
            return failed.get();
        }
    }

    private void await(CompletableFuture<?> f) {
        try {
            transport.await(f, WIRING_TIMEOUT);
        } catch (TimeoutException e) {
            throw new OverlayException("the gnutella network did not finish its handshakes within "
                    + WIRING_TIMEOUT.toSeconds() + " s; try fewer peers");
        }
    }

    private Servent open(PeerId id, PeerSpec p, ServentConfig config, SharedFiles files) {
        return start(id, p, new Servent(config, rules.get(), files));
    }

    /** Opens a node for {@code s} and registers it as peer {@code id} (a new one, or in place of a dead one). */
    private Servent start(PeerId id, PeerSpec p, Servent s) {
        NodeConfig nc = NodeConfig.named(id.label()).withRates(p.uploadBytesPerSec(), p.downloadBytesPerSec());
        Address old = id.value() < peers.size() ? peers.get(id).address() : null;
        if (old != null) {
            nc = nc.withPort(old.port());
        }
        s.start(transport.open(nc, format, s));
        if (id.value() < peers.size()) {
            peers.replace(id, s);
        } else {
            peers.add(s);
        }
        byAddress.put(s.address(), id);
        return s;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String overlay() {
        return "gnutella";
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public List<PeerId> peers() {
        return peers.ids();
    }

    /** The graph the network was wired from (peers added later are not in it). */
    public Graph graph() {
        return graph;
    }

    public GnutellaOptions options() {
        return options;
    }

    /** A new servent that joins through a few running peers, then finds more with Ping/Pong. */
    @Override
    public PeerId addPeer(PeerSpec p) {
        PeerId id = peers.nextId();
        int degree = spec.topology() != null && "random-regular".equals(spec.topology().kind()) && spec.topology().degree() > 0
                ? spec.topology().degree() : 4;
        Servent s = open(id, p, config(degree), new SharedFiles());
        List<Address> hosts = knownHosts(id, List.of());
        join(id, s, hosts, Math.min(1, hosts.size()));
        return id;
    }

    /**
     * Starts {@code s}'s join and remembers it as joining until every first handshake has ended
     * and it has {@code links} neighbours. Waiting for all of them, not just the first
     * {@code links}, matters over TCP: a later handshake would otherwise land after the command
     * returned, and a search could see a different overlay than in simulation.
     */
    private void join(PeerId id, Servent s, List<Address> hosts, int links) {
        CompletableFuture<Void> joined = new CompletableFuture<>();
        joining.put(id, joined);
        s.node().execute(() -> s.join(hosts)
                .thenCompose(tried -> s.whenDegreeAtLeast(links))
                .whenComplete((v, e) -> joined.complete(null)));
    }

    private List<Address> knownHosts(PeerId self, List<Address> preferred) {
        List<Address> hosts = new ArrayList<>(preferred);
        List<PeerId> alive = peers.aliveIds();
        alive.remove(self);
        for (int i = 0; i < KNOWN_HOSTS && !alive.isEmpty(); i++) {
            Address a = peers.get(alive.remove(random.nextInt(alive.size()))).address();
            if (!hosts.contains(a)) {
                hosts.add(a);
            }
        }
        return hosts;
    }

    @Override
    public void kill(PeerId id) {
        Servent s = peers.alive(id);
        s.node().kill();
        // The servent's state is its thread's alone; its searches and downloads end here instead.
        failPending(id, "peer " + id + " was killed before its search or download ended");
    }

    @Override
    public void revive(PeerId id) {
        Servent old = peers.get(id);
        if (old.isAlive()) {
            throw new OverlayException("peer " + id + " is running already; `peer kill " + id + "` first");
        }
        Servent s = open(id, spec.peerSpec(), old.config(), old.files());
        List<Address> former = new ArrayList<>();
        if (id.value() < graph.size()) {
            for (int n : graph.neighbours(id.value())) {
                if (peers.isAlive(PeerId.of(n))) {
                    former.add(peers.get(PeerId.of(n)).address());
                }
            }
        }
        List<Address> hosts = knownHosts(id, former);
        join(id, s, hosts, Math.min(Math.max(1, former.size()), hosts.size()));
    }

    /** Crashes not yet noticed by a neighbour, and peers still shaking hands with the ones they join through. */
    @Override
    public List<String> pending() {
        List<String> out = peers.anyDead() ? new ArrayList<>(Network.super.pending()) : new ArrayList<>();
        joining.entrySet().removeIf(e -> !peers.get(e.getKey()).isAlive() || e.getValue().isDone() && bothEndsAgree(e.getKey()));
        for (PeerId id : new java.util.TreeSet<>(joining.keySet())) {
            out.add("peer " + id + " is still joining (" + peers.get(id).degree() + " links up)");
        }
        return out;
    }

    /**
     * Whether every neighbour of {@code id} also lists {@code id}: the side that accepted a
     * handshake makes the link a neighbour only on the last 200 OK, one trip after the side that
     * dialled. Read from what each servent publishes, so no servent's state leaves its thread.
     */
    private boolean bothEndsAgree(PeerId id) {
        Servent s = peers.get(id);
        for (Address a : s.neighbourAddresses()) {
            PeerId n = byAddress.get(a);
            if (n != null && peers.isAlive(n) && !peers.get(n).neighbourAddresses().contains(s.address())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void share(PeerId id, Content content) {
        Servent s = peers.alive(id);
        s.node().execute(() -> s.share(content));
    }

    /** One event of the servent for all the files: the files share in the same order as one by one. */
    @Override
    public void shareAll(PeerId id, List<? extends Content> contents) {
        Servent s = peers.alive(id);
        List<Content> files = List.copyOf(contents);
        s.node().execute(() -> files.forEach(s::share));
    }

    @Override
    public CompletableFuture<SearchResult> search(PeerId from, Query query) {
        Servent s = peers.alive(from);
        int ttl = query.ttl() == 0 ? options.ttl() : query.ttl();
        if (ttl > ServentConfig.MAX_TTL) {
            throw new OverlayException("--ttl must be 1..10 in Gnutella (0.6 forbids more than 10), got " + ttl);
        }
        SearchTally tally = new SearchTally(transport.metrics());
        CompletableFuture<SearchResult> result = track(from, new CompletableFuture<>());
        s.node().execute(() -> {
            try {
                s.search(query.text(), ttl, options.searchWindow(), tally)
                        .thenAccept(outcome -> result.complete(toResult(from, query, ttl, outcome, tally)));
            } catch (RuntimeException e) {
                // A bug in the servent or its forwarding rule: the caller hears at once, and the
                // transport logs and counts it, so an experiment cannot mistake it for a miss.
                result.completeExceptionally(new OverlayException("search failed: " + e.getMessage(), e));
                throw e;
            }
        });
        return result;
    }

    private SearchResult toResult(PeerId from, Query query, int ttl, SearchOutcome o, SearchTally tally) {
        List<Hit> hits = new ArrayList<>();
        for (FoundFile f : o.hits()) {
            PeerId holder = byAddress.get(f.holder());
            if (holder != null) {
                hits.add(new Hit(holder, f.content(), f.name(), f.size(), f.hops()));
            }
        }
        int firstHops = hits.isEmpty() ? -1 : o.hopsToFirstHit();
        return new SearchResult("gnutella", from, query, hits, firstHops, tally.messages(), tally.duplicates(),
                tally.peersReached(from.label()), o.latencyMillis(), o.durationMillis(), true,
                Map.of("ttl", Integer.toString(ttl), "rounds", Integer.toString(o.guids().size())));
    }

    @Override
    public CompletableFuture<TransferResult> download(PeerId to, ContentId what, DownloadProgress progress) {
        Servent s = peers.alive(to);
        CompletableFuture<TransferResult> result = track(to, new CompletableFuture<>());
        // Only from holders that this peer's own searches found: no view of the whole network.
        s.node().execute(() -> s.download(what, progress).whenComplete((d, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                PeerId holder = byAddress.get(d.source().holder());
                result.complete(new TransferResult(to, what, d.source().name(), d.bytes(), d.durationMillis(),
                        List.of(new TransferResult.Source(holder, d.bytes())), d.verified()));
            }
        }));
        return result;
    }

    private <T> CompletableFuture<T> track(PeerId id, CompletableFuture<T> f) {
        List<CompletableFuture<?>> list = pending.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
        list.removeIf(CompletableFuture::isDone);
        list.add(f);
        return f;
    }

    private void failPending(PeerId id, String why) {
        List<CompletableFuture<?>> list = pending.remove(id);
        if (list != null) {
            for (CompletableFuture<?> f : list) {
                f.completeExceptionally(new OverlayException(why));
            }
        }
    }

    @Override
    public Topology topology() {
        List<PeerInfo> infos = new ArrayList<>();
        List<Topology.Edge> edges = new ArrayList<>();
        for (PeerId id : peers.ids()) {
            Servent s = peers.get(id);
            List<PeerId> neighbours = new ArrayList<>();
            if (s.isAlive()) {
                for (Address a : s.neighbourAddresses()) {
                    PeerId n = byAddress.get(a);
                    if (n != null) {
                        neighbours.add(n);
                        if (id.compareTo(n) < 0) {
                            edges.add(new Topology.Edge(id, n));
                        }
                    }
                }
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("target degree", Integer.toString(s.config().targetDegree()));
            details.put("known hosts", Integer.toString(s.knownHosts()));
            if (s.seenTableEvictions() > 0) {
                details.put("seen-table evictions", Long.toString(s.seenTableEvictions())); // a flood of new GUIDs hit its cap
            }
            infos.add(new PeerInfo(id, s.address(), Role.PEER, s.isAlive(), neighbours, s.files().size(), details));
        }
        return new Topology(infos, edges);
    }

    @Override
    public void close() {
        for (PeerId id : peers.ids()) {
            Servent s = peers.get(id);
            if (s.isAlive()) {
                s.node().close();
                failPending(id, "the network was closed");
            }
        }
    }
}
