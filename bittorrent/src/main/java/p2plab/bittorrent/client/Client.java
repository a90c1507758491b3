package p2plab.bittorrent.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.peer.PeerEngine;
import p2plab.bittorrent.peer.PeerIds;
import p2plab.bittorrent.peer.TorrentSession;
import p2plab.bittorrent.peer.SwarmStatus;
import p2plab.bittorrent.storage.PieceStore;
import p2plab.bittorrent.storage.Storage;
import p2plab.bittorrent.tracker.AnnounceResponse;
import p2plab.bittorrent.tracker.TrackerClient;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.Transport;

/**
 * A whole BitTorrent client on one transport: a peer node speaking the wire protocol, a tracker
 * client node, and the announce loop that feeds tracker peers to each torrent's {@link TorrentSession}.
 * This is the library entry point behind {@code p2plab seed} and {@code p2plab get}.
 *
 * <p>Methods may be called from any thread; they hop onto the peer's thread.
 */
public final class Client implements AutoCloseable {
    private final PeerEngine engine;
    private final Node<?> peerNode;
    private final TrackerClient tracker;
    private final ClientOptions options;
    private final List<Torrent> torrents = new ArrayList<>();

    private Client(PeerEngine engine, TrackerClient tracker, ClientOptions options) {
        this.engine = engine;
        this.peerNode = engine.node();
        this.tracker = tracker;
        this.options = options;
    }

    /**
     * Opens a client.
     *
     * @param label metrics label of its nodes
     * @param port  the peer's listening port (0: any free one)
     * @param nodeConfig access link rates (label and port are taken from the other arguments)
     */
    public static Client open(Transport transport, String label, int port, NodeConfig nodeConfig, ClientOptions options) {
        NodeConfig cfg = new NodeConfig(label, port, nodeConfig.uploadBytesPerSec(),
                nodeConfig.downloadBytesPerSec(), nodeConfig.idleTimeout());
        // The peer id comes from the node's own seeded randomness (deterministic in simulation),
        // so the handler exists before the engine does and forwards to it once built.
        PeerEngine[] engine = new PeerEngine[1];
        Node<PeerMessage> node = transport.open(cfg, new PeerWireFormat(), new PeerHandler<>() {
            @Override
            public void onConnected(Link<PeerMessage> link) {
                if (engine[0] == null) {
                    link.close(); // over TCP a peer could dial in before the engine is built
                    return;
                }
                engine[0].onConnected(link);
            }

            @Override
            public void onMessage(Link<PeerMessage> link, PeerMessage message) {
                if (engine[0] != null) {
                    engine[0].onMessage(link, message);
                }
            }

            @Override
            public void onWritable(Link<PeerMessage> link) {
                if (engine[0] != null) {
                    engine[0].onWritable(link);
                }
            }

            @Override
            public void onClosed(Link<PeerMessage> link, String reason) {
                if (engine[0] != null) {
                    engine[0].onClosed(link, reason);
                }
            }
        });
        engine[0] = new PeerEngine(PeerIds.random(node.random()), options.peer().handshakeTimeout());
        engine[0].attach(node);
        TrackerClient tc = TrackerClient.open(transport, label, 0);
        return new Client(engine[0], tc, options);
    }

    public TrackerClient trackerClient() {
        return tracker;
    }

    public PeerEngine engine() {
        return engine;
    }

    public Address address() {
        return peerNode.address();
    }

    public String peerKey() {
        return engine.peerKey();
    }

    /** Seeds a torrent whose data is all in {@code store} (trusted: no hashing). */
    public CompletableFuture<Torrent> seed(Metainfo meta, PieceStore store) {
        return start(meta, () -> Storage.seed(meta, store));
    }

    /**
     * Downloads a torrent into {@code store}, first re-checking what the store already holds
     * (resume), then keeps seeding until {@link Torrent#stop}.
     */
    public CompletableFuture<Torrent> get(Metainfo meta, PieceStore store) {
        return start(meta, () -> {
            Storage s = new Storage(meta, store, options.peer().banAfter());
            s.recheck();
            return s;
        });
    }

    private CompletableFuture<Torrent> start(Metainfo meta, java.util.function.Supplier<Storage> storage) {
        CompletableFuture<Torrent> f = new CompletableFuture<>();
        peerNode.execute(() -> {
            try {
                TorrentSession swarm = engine.add(n -> new TorrentSession(n, meta, storage.get(), options.picker().get(),
                        options.choker().get(), options.peer()));
                Torrent t = new Torrent(swarm);
                torrents.add(t);
                t.announce("started");
                swarm.completion().thenRun(() -> {
                    if (swarm.storage().complete() && !swarm.stopped()) {
                        t.announce("completed");
                    }
                });
                f.complete(t);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /**
     * Leaves every swarm politely (event=stopped) and closes both nodes; the tracker client's
     * node a little later, so the stopped announces can still go out.
     */
    @Override
    public void close() {
        peerNode.execute(() -> {
            for (Torrent t : List.copyOf(torrents)) {
                t.stop();
            }
            peerNode.execute(peerNode::close);
        });
        tracker.node().clock().schedule(Duration.ofSeconds(2), () -> tracker.node().close());
    }

    /** Crashes: no goodbye to anyone. */
    public void kill() {
        peerNode.kill();
        tracker.node().kill();
    }

    public boolean isAlive() {
        return peerNode.isAlive();
    }

    /** One torrent being downloaded or seeded by this client. */
    public final class Torrent {
        private final TorrentSession swarm;
        private Cancellable nextAnnounce = Cancellable.NONE;
        private volatile String lastError; // read by the shell while the network runs
        private volatile long lastAnnouncedNanos = Long.MIN_VALUE;

        Torrent(TorrentSession swarm) {
            this.swarm = swarm;
        }

        public TorrentSession session() {
            return swarm;
        }

        public Metainfo metainfo() {
            return swarm.metainfo();
        }

        public CompletableFuture<p2plab.bittorrent.peer.SwarmResult> completion() {
            return swarm.completion();
        }

        /** Called on the peer's thread after every verified piece and every rechoke. */
        public void onStatus(Consumer<SwarmStatus> listener) {
            peerNode.execute(() -> swarm.onStatus(listener));
        }

        /** The last tracker error, or null. */
        /** When the tracker last answered an announce, in protocol time; {@code Long.MIN_VALUE} if never. */
        public long lastAnnouncedNanos() {
            return lastAnnouncedNanos;
        }

        public String lastTrackerError() {
            return lastError;
        }

        /** Announces now (outside the schedule), e.g. to find more peers. */
        public void reannounce() {
            peerNode.execute(() -> announce(""));
        }

        void announce(String event) {
            String url = swarm.metainfo().announce();
            if (url == null || swarm.stopped() && !event.equals("stopped")) {
                return;
            }
            long left = swarm.metainfo().totalLength() - swarm.storage().bytesHave();
            long up = swarm.bytesUp();
            long down = swarm.bytesDown();
            int port = peerNode.address().port();
            tracker.node().execute(() -> tracker.announce(url, swarm.metainfo().infoHash(), engine.peerId(), port, up, down,
                    left, event, event.equals("stopped") ? 0 : options.numwant())
                    .whenComplete((r, e) -> peerNode.execute(() -> announced(event, r, e))));
        }

        private void announced(String event, AnnounceResponse r, Throwable e) {
            if (swarm.stopped() || event.equals("stopped")) {
                return;
            }
            Duration next = options.maxReannounce();
            if (e != null) {
                lastError = e.getMessage();
                next = Duration.ofSeconds(Math.min(60, next.toSeconds()));
            } else {
                lastError = null;
                lastAnnouncedNanos = peerNode.clock().nanos();
                if (r.intervalSeconds() > 0 && Duration.ofSeconds(r.intervalSeconds()).compareTo(next) < 0) {
                    next = Duration.ofSeconds(r.intervalSeconds());
                }
                for (Address a : r.peers()) {
                    if (swarm.connections().size() + engine.dialsInFlight() >= options.peer().maxConnections()) {
                        break;
                    }
                    engine.dial(a, swarm);
                }
            }
            nextAnnounce.cancel();
            nextAnnounce = peerNode.clock().schedule(next, () -> announce(""));
        }

        /** Leaves the swarm: event=stopped to the tracker, every connection closed. */
        public void stop() {
            peerNode.execute(() -> {
                if (swarm.stopped()) {
                    return;
                }
                nextAnnounce.cancel();
                announce("stopped");
                engine.remove(swarm);
                torrents.remove(this);
            });
        }
    }
}
