package p2plab.labs.trackerless;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import p2plab.bittorrent.BitTorrentOverlay;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.metrics.MetricsSnapshot;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Progress;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.Topology;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.Address;
import p2plab.common.transport.Transport;
import p2plab.kademlia.DhtView;
import p2plab.kademlia.KademliaOverlay;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.dht.TraceEvent;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.LookupResult;

/**
 * A BitTorrent swarm whose peers also find each other through a Kademlia DHT running beside it
 * on the same transport: every peer is a BitTorrent client and a DHT node, as a real client is.
 * Peer {@code n} of the swarm is peer {@code n} of the DHT (same label, so the same host in
 * simulation); peer 0 is the swarm's tracker and a plain DHT node. With the option
 * {@code trackerless=true} torrents name no tracker and the DHT is the only way to find peers;
 * without it peers use both, as real clients do, and the swarm outlives its tracker.
 *
 * <p>The two overlays stay apart: this class holds one network of each and wires each client's
 * DHT peer source to its own DHT node; kill, revive and add act on both halves of a peer.
 */
public final class DhtSwarm implements Network, DhtView {
    private final Network swarm;
    private final Network dht;
    private final DhtView dhtView;

    private DhtSwarm(Network swarm, Network dht) {
        this.swarm = swarm;
        this.dht = dht;
        this.dhtView = (DhtView) dht;
    }

    /**
     * Starts the DHT first (peers 0..N, each joined through the lowest-numbered live one), then
     * the swarm, whose clients announce into it from their first torrent on.
     */
    public static DhtSwarm start(NetworkSpec spec, Transport transport, Progress progress, DhtSchedule schedule) {
        NetworkSpec dhtSpec = new NetworkSpec(spec.name() + "-dht", spec.peers() + 1, null, spec.seed(), PeerSpec.UNLIMITED, Map.of());
        Network dht = new KademliaOverlay().create(dhtSpec, transport, progress);
        try {
            DhtView view = (DhtView) dht;
            Network swarm = new BitTorrentOverlay(null, null, (peer, t) -> List.of(new DhtPeerSource(view.dht(peer), schedule)))
                    .create(spec, transport, progress);
            return new DhtSwarm(swarm, dht);
        } catch (RuntimeException e) {
            dht.close();
            throw e;
        }
    }

    // ---- DhtView: `dht table` and `dht lookup` read the DHT beside the swarm ----

    @Override
    public DhtNode dht(PeerId id) {
        return dhtView.dht(id);
    }

    @Override
    public PeerId peerAt(Address address) {
        return dhtView.peerAt(address);
    }

    @Override
    public CompletableFuture<LookupResult> lookup(PeerId from, NodeId target, boolean getPeers, List<TraceEvent> trace) {
        return dhtView.lookup(from, target, getPeers, trace);
    }

    @Override
    public String name() {
        return swarm.name();
    }

    @Override
    public String overlay() {
        return swarm.overlay();
    }

    @Override
    public Transport transport() {
        return swarm.transport();
    }

    @Override
    public List<PeerId> peers() {
        return swarm.peers();
    }

    /** A DHT node first, so the client finds its node when it starts. */
    @Override
    public synchronized PeerId addPeer(PeerSpec spec) {
        PeerId node = dht.addPeer(PeerSpec.UNLIMITED);
        PeerId peer = swarm.addPeer(spec);
        if (!node.equals(peer)) {
            throw new IllegalStateException("DHT node " + node + " paired with peer " + peer);
        }
        return peer;
    }

    @Override
    public synchronized void kill(PeerId id) {
        swarm.kill(id);
        if (dhtAlive(id)) {
            dht.kill(id);
        }
    }

    @Override
    public synchronized void revive(PeerId id) {
        if (!dhtAlive(id)) {
            dht.revive(id);
        }
        swarm.revive(id);
    }

    @Override
    public void share(PeerId id, Content content) {
        swarm.share(id, content);
    }

    @Override
    public CompletableFuture<SearchResult> search(PeerId from, Query query) {
        return swarm.search(from, query);
    }

    @Override
    public CompletableFuture<TransferResult> download(PeerId to, ContentId what, DownloadProgress progress) {
        return swarm.download(to, what, progress);
    }

    @Override
    public Topology topology() {
        return swarm.topology();
    }

    /** The swarm's view of the peer, and its DHT node: id and table size. */
    @Override
    public PeerInfo info(PeerId id) {
        PeerInfo p = swarm.info(id);
        DhtNode node = dhtView.dht(id);
        Map<String, String> details = new LinkedHashMap<>(p.details());
        details.put("dht", dhtAlive(id) ? "node " + node.id().shortHex() + ", " + node.table().contacts().size() + " nodes known" : "down");
        return new PeerInfo(p.id(), p.address(), p.role(), p.alive(), p.neighbours(), p.shares(), details);
    }

    /** Asks the node itself: the DHT network's {@code info} would build its whole topology. */
    private boolean dhtAlive(PeerId id) {
        return dhtView.dht(id).node().isAlive();
    }

    /** The swarm's; the DHT notices a dead node only when it next asks it, which is its normal state. */
    @Override
    public List<String> pending() {
        return new ArrayList<>(swarm.pending());
    }

    @Override
    public int[] replication(ContentId what) {
        return swarm.replication(what);
    }

    @Override
    public MetricsSnapshot metrics() {
        return swarm.metrics();
    }

    @Override
    public void close() {
        try {
            swarm.close();
        } finally {
            dht.close();
        }
    }
}
