package p2plab.common.overlay.tiny;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
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
import p2plab.common.overlay.Query;
import p2plab.common.overlay.Role;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.Topology;
import p2plab.common.overlay.TransferResult;
import p2plab.common.topology.Graph;
import p2plab.common.topology.Topologies;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.Link;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.Transport;

/** A running tiny network: peers wired along a graph, searches that end after a fixed window. */
final class TinyNetwork implements Network {
    static final Duration SEARCH_WINDOW = Duration.ofSeconds(2);

    private final NetworkSpec spec;
    private final Transport transport;
    private final TinyFormat format = new TinyFormat();
    private final PeerRegistry<TinyPeer> peers = new PeerRegistry<>(p -> p.node.isAlive());
    private final Graph graph;
    private long nextQueryId = 1;

    TinyNetwork(NetworkSpec spec, Transport transport) {
        this.spec = spec;
        this.transport = transport;
        TopologySpec t = spec.topology() == null ? TopologySpec.of("ring", 0) : spec.topology();
        this.graph = Topologies.generate(t, spec.peers(), spec.seed());
        for (int i = 0; i < spec.peers(); i++) {
            addPeer(spec.peerSpec());
        }
        List<CompletableFuture<?>> connecting = new ArrayList<>();
        for (int a = 0; a < graph.size(); a++) {
            for (int b : graph.neighbours(a)) {
                if (a < b) {
                    connecting.add(peers.get(PeerId.of(a)).node.connect(peers.get(PeerId.of(b)).node.address()));
                }
            }
        }
        try {
            transport.await(CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)), Duration.ofSeconds(30));
        } catch (TimeoutException e) {
            throw new OverlayException("the tiny network did not connect within 30 s");
        }
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String overlay() {
        return "tiny";
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public List<PeerId> peers() {
        return peers.ids();
    }

    @Override
    public PeerId addPeer(PeerSpec p) {
        TinyPeer peer = new TinyPeer(peers.nextId());
        peer.node = transport.open(config(peer.id, p), format, peer);
        return peers.add(peer);
    }

    private static NodeConfig config(PeerId id, PeerSpec p) {
        return NodeConfig.named(id.label()).withRates(p.uploadBytesPerSec(), p.downloadBytesPerSec());
    }

    @Override
    public void kill(PeerId id) {
        peers.alive(id).node.kill();
    }

    @Override
    public void revive(PeerId id) {
        TinyPeer old = peers.get(id);
        if (old.node.isAlive()) {
            throw new OverlayException("peer " + id + " is running already");
        }
        TinyPeer peer = new TinyPeer(id);
        peer.files.putAll(old.files);
        peer.node = transport.open(config(id, spec.peerSpec()).withPort(old.node.address().port()), format, peer);
        peers.replace(id, peer);
        for (int n : graph.neighbours(id.value())) {
            if (peers.isAlive(PeerId.of(n))) {
                peer.node.connect(peers.get(PeerId.of(n)).node.address());
            }
        }
    }

    @Override
    public void share(PeerId id, Content content) {
        peers.alive(id).files.put(content.id().hex(), content);
    }

    @Override
    public CompletableFuture<SearchResult> search(PeerId from, Query query) {
        TinyPeer asker = peers.alive(from);
        long queryId = nextQueryId++;
        int ttl = query.ttl() == 0 ? 4 : query.ttl();
        Tally tally = transport.metrics().openTally(queryId);
        CompletableFuture<SearchResult> result = new CompletableFuture<>();
        long start = asker.node.clock().nanos();
        asker.node.execute(() -> {
            asker.startQuery(queryId, query, ttl);
            asker.node.clock().schedule(SEARCH_WINDOW, () -> {
                transport.metrics().closeTally(queryId);
                List<Hit> hits = asker.hitsOf(queryId);
                int firstHops = hits.isEmpty() ? -1 : hits.get(0).hops();
                double ms = (asker.node.clock().nanos() - start) / 1e6;
                result.complete(new SearchResult("tiny", from, query, hits, firstHops, tally.messages(),
                        tally.duplicates("tiny/Query"), tally.distinctReceivers("tiny/Query"), ms, ms, true, Map.of()));
            });
        });
        return result;
    }

    @Override
    public CompletableFuture<TransferResult> download(PeerId to, ContentId what, DownloadProgress progress) {
        TinyPeer downloader = peers.alive(to);
        TinyPeer holder = peers.all().stream()
                .filter(p -> p.node.isAlive() && p.files.containsKey(what.hex()) && p != downloader)
                .findFirst()
                .orElseThrow(() -> new OverlayException("no running peer shares " + what.shortHex() + "; search first"));
        long start = downloader.node.clock().nanos();
        CompletableFuture<TransferResult> result = new CompletableFuture<>();
        downloader.node.execute(() -> downloader.fetch(holder.node.address(), what).whenComplete((bytes, error) -> {
            if (error != null) {
                result.completeExceptionally(new OverlayException("download failed: " + error.getMessage()));
                return;
            }
            Content c = holder.files.get(what.hex());
            progress.update(bytes.length, bytes.length, 1);
            result.complete(new TransferResult(to, what, c.name(), bytes.length,
                    (downloader.node.clock().nanos() - start) / 1e6,
                    List.of(new TransferResult.Source(holder.id, bytes.length)), TinyPeer.verify(what, bytes)));
        }));
        return result;
    }

    @Override
    public Topology topology() {
        List<PeerInfo> infos = new ArrayList<>();
        List<Topology.Edge> edges = new ArrayList<>();
        for (TinyPeer p : peers.all()) {
            List<PeerId> neighbours = new ArrayList<>();
            for (Link<TinyMessage> l : p.node.links()) {
                for (TinyPeer q : peers.all()) {
                    if (q.node.isAlive() && q.node.address().equals(l.remote())) {
                        neighbours.add(q.id);
                        if (p.id.compareTo(q.id) < 0) {
                            edges.add(new Topology.Edge(p.id, q.id));
                        }
                    }
                }
            }
            infos.add(new PeerInfo(p.id, p.node.address(), Role.PEER, p.node.isAlive(), neighbours, p.files.size(), Map.of()));
        }
        return new Topology(infos, edges);
    }

    @Override
    public void close() {
        for (TinyPeer p : peers.all()) {
            p.node.close();
        }
    }
}
