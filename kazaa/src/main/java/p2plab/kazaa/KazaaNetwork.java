package p2plab.kazaa;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
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
import p2plab.common.overlay.Progress;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.Topology;
import p2plab.common.overlay.TransferResult;
import p2plab.common.topology.Graph;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.Transport;
import p2plab.kazaa.config.KazaaSettings;
import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.election.SupernodeElection;
import p2plab.kazaa.node.Bootstrap;
import p2plab.kazaa.node.KazaaPeer;
import p2plab.kazaa.node.PeerStatus;
import p2plab.kazaa.wire.KazaaFormat;
import p2plab.kazaa.wire.PeerRef;

/**
 * A running Kazaa network. Built in one go: the election picks the first supernodes, they are
 * wired by the spec's topology (or randomly), and every other peer attaches to one of them,
 * round-robin. After that the peers run on their own: joins, crashes, promotions and demotions.
 * The network also plays the bootstrap every client ships with (a list of running supernodes).
 */
public final class KazaaNetwork implements Network, Bootstrap {
    /** How long building may take, in protocol time, before it is reported as stuck. */
    static final Duration BUILD_TIMEOUT = Duration.ofSeconds(120);

    private final NetworkSpec spec;
    private final Transport transport;
    private final KazaaSettings settings;
    private final Supplier<? extends SupernodeElection> elections;
    private final KazaaFormat format = new KazaaFormat();
    private final PeerRegistry<KazaaPeer> peers = new PeerRegistry<>(p -> p.node().isAlive());
    private final Map<Integer, PeerRef> supernodes = new ConcurrentHashMap<>();

    KazaaNetwork(NetworkSpec spec, Transport transport, KazaaSettings settings, Supplier<? extends SupernodeElection> elections) {
        this(spec, transport, settings, elections, Progress.NONE);
    }

    KazaaNetwork(NetworkSpec spec, Transport transport, KazaaSettings settings, Supplier<? extends SupernodeElection> elections,
                 Progress progress) {
        this.spec = spec;
        this.transport = transport;
        this.settings = settings;
        this.elections = elections;
        build(progress);
    }

    private void build(Progress progress) {
        int n = spec.peers();
        List<KazaaPeer> all = new ArrayList<>(n);
        List<Candidate> candidates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i % 1024 == 0) {
                progress.update("starting peers", i, n);
            }
            KazaaPeer p = open(spec.peerSpec(), List.of());
            all.add(p);
            candidates.add(p.candidate());
        }
        if (n == 0) {
            return;
        }
        Set<Integer> chosen = new TreeSet<>(elections.get().initialSupernodes(List.copyOf(candidates), settings.election()));
        if (chosen.isEmpty() || chosen.stream().anyMatch(id -> id < 0 || id >= n)) {
            throw new OverlayException("the election chose no valid supernodes among " + n + " peers; it must pick at least one id in 0.." + (n - 1));
        }
        List<KazaaPeer> tier = new ArrayList<>();
        for (int id : chosen) {
            KazaaPeer p = all.get(id);
            tier.add(p);
            supernodes.put(id, p.self());
        }
        Graph g = SupernodeGraphs.of(spec.topology(), tier.size(), settings.links(), spec.seed());
        for (int i = 0; i < tier.size(); i++) {
            KazaaPeer p = tier.get(i);
            List<PeerRef> links = new ArrayList<>();
            for (int j : g.neighbours(i)) {
                if (j > i) {
                    links.add(tier.get(j).self());
                }
            }
            p.node().execute(() -> p.startAsSupernode(links));
        }
        settle(() -> {
            for (int i = 0; i < tier.size(); i++) {
                if (tier.get(i).status().neighbours().size() < g.degree(i)) {
                    return false;
                }
            }
            return true;
        }, "supernodes did not link up");
        SplittableRandom random = new SplittableRandom(spec.seed());
        List<KazaaPeer> ordinary = new ArrayList<>();
        for (KazaaPeer p : all) {
            if (!chosen.contains(p.id())) {
                ordinary.add(p);
            }
        }
        for (int k = 0; k < ordinary.size(); k++) {
            KazaaPeer p = ordinary.get(k);
            List<PeerRef> list = new ArrayList<>();
            list.add(tier.get(k % tier.size()).self()); // round-robin: children spread evenly
            for (int extra = 0; extra < Math.min(4, tier.size() - 1); extra++) {
                list.add(tier.get(random.nextInt(tier.size())).self());
            }
            p.node().execute(() -> p.startAsOrdinary(list));
        }
        settle(() -> ordinary.stream().allMatch(p -> p.status().parent() >= 0), "ordinary nodes did not attach");
    }

    /** Runs the network until {@code done} (in simulation: runs events), or fails after {@link #BUILD_TIMEOUT}. */
    private void settle(BooleanSupplier done, String what) {
        Duration step = Duration.ofMillis(50);
        for (long waited = 0; waited <= BUILD_TIMEOUT.toMillis(); waited += step.toMillis()) {
            if (done.getAsBoolean()) {
                return;
            }
            transport.advance(step);
        }
        throw new OverlayException("building the kazaa network failed: " + what + " within " + BUILD_TIMEOUT.toSeconds() + " s");
    }

    private KazaaPeer open(PeerSpec peerSpec, List<Content> files) {
        PeerId id = peers.nextId();
        return open(id, peerSpec, files, 0);
    }

    private KazaaPeer open(PeerId id, PeerSpec peerSpec, List<Content> files, int port) {
        KazaaPeer p = new KazaaPeer(id.value(), peerSpec, settings, elections.get(), this, transport.metrics());
        NodeConfig config = NodeConfig.named(id.label()).withRates(peerSpec.uploadBytesPerSec(), peerSpec.downloadBytesPerSec())
                .withPort(port);
        p.bind(transport.open(config, format, p), files);
        if (id.value() == peers.size()) {
            peers.add(p);
        } else {
            peers.replace(id, p);
        }
        return p;
    }

    // ---- Bootstrap ----

    @Override
    public List<PeerRef> supernodes(RandomGenerator random, int max) {
        List<PeerRef> all = new ArrayList<>(supernodes.values());
        List<PeerRef> out = new ArrayList<>();
        for (int i = 0; i < Math.min(max, all.size()); i++) {
            int j = i + random.nextInt(all.size() - i);
            PeerRef t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
            out.add(all.get(i));
        }
        return out;
    }

    @Override
    public void roleChanged(PeerRef self, boolean supernode) {
        if (supernode) {
            supernodes.put(self.id(), self);
        } else {
            supernodes.remove(self.id());
        }
    }

    // ---- Network ----

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String overlay() {
        return "kazaa";
    }

    @Override
    public Transport transport() {
        return transport;
    }

    public KazaaSettings settings() {
        return settings;
    }

    @Override
    public List<PeerId> peers() {
        return peers.ids();
    }

    @Override
    public PeerId addPeer(PeerSpec peerSpec) {
        KazaaPeer p = open(peerSpec, List.of());
        p.node().execute(() -> p.startAsOrdinary(supernodes(p.node().random(), 5)));
        return PeerId.of(p.id());
    }

    @Override
    public void kill(PeerId id) {
        KazaaPeer p = peers.alive(id);
        supernodes.remove(id.value());
        p.node().kill();
    }

    @Override
    public void revive(PeerId id) {
        KazaaPeer old = peers.get(id);
        if (old.node().isAlive()) {
            throw new OverlayException("peer " + id + " is running already; `peer kill " + id + "` first");
        }
        KazaaPeer p = open(id, old.spec(), old.sharedContent(), old.node().address().port());
        p.node().execute(() -> p.startAsOrdinary(supernodes(p.node().random(), 5)));
    }

    @Override
    public void share(PeerId id, Content content) {
        KazaaPeer p = peers.alive(id);
        p.node().execute(() -> p.share(content));
    }

    /** One event of the peer for all the files: the files share in the same order as one by one. */
    @Override
    public void shareAll(PeerId id, List<? extends Content> contents) {
        KazaaPeer p = peers.alive(id);
        List<Content> files = List.copyOf(contents);
        p.node().execute(() -> p.shareAll(files));
    }

    @Override
    public CompletableFuture<SearchResult> search(PeerId from, Query query) {
        KazaaPeer p = peers.alive(from);
        if (query.ttl() > 255) {
            throw new OverlayException("--ttl must be at most 255 for kazaa (it is one byte on the wire), got " + query.ttl());
        }
        if (String.join(" ", query.keywords()).length() > 1_000) {
            throw new OverlayException("a kazaa search holds at most 1,000 characters of keywords; use fewer words");
        }
        CompletableFuture<SearchResult> result = new CompletableFuture<>();
        p.node().execute(() -> p.search(query, result));
        return result;
    }

    @Override
    public CompletableFuture<TransferResult> download(PeerId to, ContentId what, DownloadProgress progress) {
        KazaaPeer p = peers.alive(to);
        CompletableFuture<TransferResult> result = new CompletableFuture<>();
        p.node().execute(() -> p.download(what, progress, result));
        return result;
    }

    /** A peer's role and links as it last published them. */
    public PeerStatus status(PeerId id) {
        return peers.get(id).status();
    }

    /** The running supernodes, in id order. */
    public List<PeerId> supernodes() {
        List<PeerId> out = new ArrayList<>();
        for (PeerId id : peers.aliveIds()) {
            if (peers.get(id).status().isSupernode()) {
                out.add(id);
            }
        }
        return out;
    }

    @Override
    public Topology topology() {
        List<PeerInfo> infos = new ArrayList<>();
        List<Topology.Edge> edges = new ArrayList<>();
        for (KazaaPeer p : peers.all()) {
            PeerId id = PeerId.of(p.id());
            boolean alive = p.node().isAlive();
            PeerStatus s = p.status();
            List<PeerId> neighbours = new ArrayList<>();
            Map<String, String> details = new HashMap<>();
            if (alive && s.isSupernode()) {
                s.neighbours().forEach(n -> neighbours.add(PeerId.of(n)));
                details.put("children", Integer.toString(s.children().size()));
                details.put("indexed-files", Integer.toString(s.indexedFiles()));
                if (s.backup() > 0) {
                    details.put("standby-children", Integer.toString(s.backup()));
                }
                for (int n : s.neighbours()) {
                    if (p.id() < n) {
                        edges.add(new Topology.Edge(id, PeerId.of(n)));
                    }
                }
            } else if (alive && s.parent() >= 0) {
                neighbours.add(PeerId.of(s.parent()));
                details.put("supernode", Integer.toString(s.parent()));
                if (s.backup() >= 0) {
                    details.put("backup", Integer.toString(s.backup()));
                }
                edges.add(new Topology.Edge(id, PeerId.of(s.parent())));
            } else if (alive) {
                details.put("supernode", "none (attaching)");
            }
            infos.add(new PeerInfo(id, p.node().address(), s.role(), alive, alive ? neighbours : List.of(), s.shares(), details));
        }
        return new Topology(infos, edges);
    }

    /**
     * Crashes not yet noticed (a child still attached to a dead supernode, a supernode still
     * indexing a dead child) and ordinary nodes still looking for a supernode.
     */
    @Override
    public List<String> pending() {
        List<String> out = peers.anyDead() ? new ArrayList<>(Network.super.pending()) : new ArrayList<>();
        List<String> attaching = new ArrayList<>();
        for (KazaaPeer p : peers.all()) {
            if (!p.node().isAlive()) {
                continue;
            }
            PeerStatus s = p.status();
            if (s.isSupernode()) {
                for (int child : s.children()) {
                    if (!peers.get(PeerId.of(child)).node().isAlive()) {
                        out.add("supernode " + p.id() + " has not yet noticed that peer " + child + " crashed (it still indexes its files)");
                    }
                }
            } else if (s.parent() < 0) {
                attaching.add(Integer.toString(p.id()));
            }
        }
        if (!attaching.isEmpty()) {
            out.add((attaching.size() <= 5 ? "peer " + String.join(", ", attaching) : attaching.size() + " peers")
                    + " not attached to a supernode yet");
        }
        return out;
    }

    @Override
    public void close() {
        for (KazaaPeer p : peers.all()) {
            p.node().close();
        }
        supernodes.clear();
    }
}
