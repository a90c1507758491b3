package p2plab.bittorrent.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import p2plab.bittorrent.discovery.Announcer;
import p2plab.bittorrent.discovery.FixedPeers;
import p2plab.bittorrent.discovery.PeerSource;
import p2plab.bittorrent.discovery.SwarmRef;
import p2plab.bittorrent.metainfo.MagnetLink;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.peer.MetadataFetch;
import p2plab.bittorrent.peer.PeerEngine;
import p2plab.bittorrent.peer.PeerIds;
import p2plab.bittorrent.peer.SwarmResult;
import p2plab.bittorrent.peer.SwarmStatus;
import p2plab.bittorrent.peer.TorrentSession;
import p2plab.bittorrent.storage.PieceStore;
import p2plab.bittorrent.storage.Storage;
import p2plab.bittorrent.tracker.TrackerClient;
import p2plab.bittorrent.tracker.TrackerSource;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.Transport;

/**
 * A whole BitTorrent client on one transport: a peer node speaking the wire protocol, a tracker
 * client node, and the {@link PeerSource}s that find each torrent's peers (the tracker unless
 * {@link ClientOptions#useTrackers()} is off, plus any the application adds: a DHT, a fixed
 * list). This is the library entry point behind {@code p2plab seed} and {@code p2plab get}.
 *
 * <p>Usage:
 * <pre>{@code
 *   Client c = Client.open(transport, "get", 0, NodeConfig.named("get"), ClientOptions.defaults());
 *   c.addPeerSource(dhtSource);                                    // optional, before torrents start
 *   Client.Torrent t = c.get(metainfo, store).join();              // from a .torrent
 *   Client.Torrent m = c.get(MagnetLink.parse(uri), meta -> store(meta)).join();   // from a magnet link
 *   m.phase();  m.metadata();  m.completion();
 * }</pre>
 *
 * <p>Methods may be called from any thread; they hop onto the peer's thread.
 */
public final class Client implements AutoCloseable {
    private final PeerEngine engine;
    private final Node<?> peerNode;
    private final TrackerClient tracker;
    private final ClientOptions options;
    private final List<Torrent> torrents = new ArrayList<>();
    private final List<PeerSource> sources = new CopyOnWriteArrayList<>();

    private Client(PeerEngine engine, TrackerClient tracker, ClientOptions options) {
        this.engine = engine;
        this.peerNode = engine.node();
        this.tracker = tracker;
        this.options = options;
        if (options.useTrackers()) {
            sources.add(new TrackerSource(tracker, peerNode, engine.peerId(), options.numwant(), options.maxReannounce()));
        }
        engine.dht(this::dhtPort, node -> {
            for (PeerSource s : sources) {
                if (s.dhtPort() > 0) {
                    s.dhtNodeLearned(node);
                }
            }
        });
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

    /**
     * Adds a source of peers (a DHT, a fixed list) for the torrents started from now on. A source
     * with a {@link PeerSource#dhtPort()} turns on the DHT bit and the {@code port} message.
     */
    public void addPeerSource(PeerSource source) {
        sources.add(source);
    }

    /** The sources torrents use: the tracker's first (unless turned off), then the added ones. */
    public List<PeerSource> peerSources() {
        return List.copyOf(sources);
    }

    private int dhtPort() {
        for (PeerSource s : sources) {
            if (s.dhtPort() > 0) {
                return s.dhtPort();
            }
        }
        return 0;
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

    /**
     * Downloads a torrent known only by its magnet link: finds peers through the sources (and the
     * link's {@code tr} and {@code x.pe}), fetches the info dictionary from them (BEP 9), then
     * downloads into the store {@code stores} makes for it, and keeps seeding until
     * {@link Torrent#stop}. Follow it with {@link Torrent#phase()} and {@link Torrent#metadata()}.
     */
    public CompletableFuture<Torrent> get(MagnetLink magnet, Function<Metainfo, PieceStore> stores) {
        CompletableFuture<Torrent> f = new CompletableFuture<>();
        peerNode.execute(() -> {
            try {
                MetadataFetch fetch = engine.addFetch(magnet.infoHash());
                Torrent t = new Torrent(magnet.infoHash(), magnet.trackers());
                torrents.add(t);
                t.fetch = fetch;
                fetch.onFirstPeer(() -> {
                    if (t.phase == Phase.FINDING_PEERS) {
                        t.phase = Phase.FETCHING_METADATA;
                    }
                });
                fetch.result().thenAccept(info -> t.metadataArrived(info, stores));
                t.startSources(magnet.peers());
                f.complete(t);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private CompletableFuture<Torrent> start(Metainfo meta, Supplier<Storage> storage) {
        CompletableFuture<Torrent> f = new CompletableFuture<>();
        peerNode.execute(() -> {
            try {
                TorrentSession swarm = engine.add(n -> new TorrentSession(n, meta, storage.get(), options.picker().get(),
                        options.choker().get(), options.peer()));
                Torrent t = new Torrent(meta.infoHash(), meta.announce() == null ? List.of() : List.of(meta.announce()));
                torrents.add(t);
                t.swarm = swarm; // announces read its counts: a seed says left=0 from the start
                t.startSources(List.of());
                t.attach(swarm); // after the sources, so a seed also tells them it is complete
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
            for (PeerSource s : sources) {
                s.close();
            }
            peerNode.execute(peerNode::close);
        });
        tracker.node().clock().schedule(Duration.ofSeconds(2), () -> tracker.node().close());
    }

    /** Crashes: no goodbye to anyone. */
    public void kill() {
        peerNode.kill();
        tracker.node().kill();
        for (PeerSource s : sources) {
            s.kill();
        }
    }

    public boolean isAlive() {
        return peerNode.isAlive();
    }

    /** One torrent being downloaded or seeded by this client. */
    public final class Torrent {
        private final byte[] infoHash;
        private final List<String> trackers;
        /** Set once on the peer thread, read from any (the shell's status line). */
        private volatile Map<PeerSource, Announcer> announcers = Map.of();
        private final CompletableFuture<Metainfo> metadata = new CompletableFuture<>();
        private final CompletableFuture<SwarmResult> done = new CompletableFuture<>();
        /** Peers the sources found, so the download can dial those the metadata fetch did not reach. */
        private final java.util.Set<Address> known = new java.util.LinkedHashSet<>();
        private volatile int knownPeers;
        private volatile TorrentSession swarm; // null while the metadata is fetched
        private MetadataFetch fetch; // null once the metadata is in (or when started from a .torrent)
        private volatile Phase phase = Phase.FINDING_PEERS;
        private volatile String lastError;
        private boolean stopped;

        Torrent(byte[] infoHash, List<String> trackers) {
            this.infoHash = infoHash.clone();
            this.trackers = List.copyOf(trackers);
        }

        /** The session once the metadata is known (at once for a .torrent); swaps phase to downloading. */
        void attach(TorrentSession s) {
            swarm = s;
            phase = s.storage().complete() ? Phase.SEEDING : Phase.DOWNLOADING;
            metadata.complete(s.metainfo());
            s.completion().thenAccept(r -> {
                if (s.storage().complete() && !s.stopped()) {
                    phase = Phase.SEEDING;
                    announcers.values().forEach(Announcer::completed);
                }
                done.complete(r);
            });
        }

        /** The fetch verified the info dictionary: build the torrent and hand it the fetch's connections. */
        void metadataArrived(byte[] info, Function<Metainfo, PieceStore> stores) {
            if (stopped) {
                return;
            }
            MetadataFetch f = fetch;
            fetch = null;
            TorrentSession s;
            try {
                Metainfo meta = Metainfo.ofInfo(info, trackers.isEmpty() ? null : trackers.get(0));
                Storage storage = new Storage(meta, stores.apply(meta), options.peer().banAfter());
                storage.recheck();
                s = engine.add(n -> new TorrentSession(n, meta, storage, options.picker().get(), options.choker().get(),
                        options.peer()));
            } catch (RuntimeException e) {
                lastError = "cannot use the metadata: " + e.getMessage();
                metadata.completeExceptionally(new IllegalStateException(lastError, e));
                engine.remove(f);
                stop();
                return;
            }
            engine.promote(f, s);
            attach(s);
            dial(List.copyOf(known));
        }

        void startSources(List<Address> extraPeers) {
            SwarmRef ref = new SwarmRef(infoHash, peerNode.address().port(), trackers, new SwarmRef.Counts() {
                @Override
                public long uploaded() {
                    TorrentSession s = swarm;
                    return s == null ? 0 : s.bytesUp();
                }

                @Override
                public long downloaded() {
                    TorrentSession s = swarm;
                    return s == null ? 0 : s.bytesDown();
                }

                @Override
                public long left() {
                    TorrentSession s = swarm;
                    return s == null ? UNKNOWN_LEFT : s.metainfo().totalLength() - s.storage().bytesHave();
                }
            });
            List<PeerSource> all = new ArrayList<>(sources);
            if (!extraPeers.isEmpty()) {
                all.add(new FixedPeers(extraPeers));
            }
            Map<PeerSource, Announcer> started = new LinkedHashMap<>();
            for (PeerSource s : all) {
                started.put(s, s.start(ref, peers -> peerNode.execute(() -> dial(peers))));
            }
            announcers = java.util.Collections.unmodifiableMap(started);
        }

        private void dial(Collection<Address> peers) {
            if (stopped) {
                return;
            }
            for (Address a : peers) {
                if (known.size() < MAX_KNOWN) {
                    known.add(a);
                }
            }
            knownPeers = known.size();
            TorrentSession s = swarm;
            MetadataFetch f = fetch;
            for (Address a : peers) {
                int connected = s != null ? s.connections().size() : f != null ? f.connections().size() : 0;
                if (connected + engine.dialsInFlight() >= options.peer().maxConnections()) {
                    break;
                }
                if (s != null) {
                    engine.dial(a, s);
                } else if (f != null) {
                    engine.dial(a, f);
                }
            }
        }

        public byte[] infoHash() {
            return infoHash.clone();
        }

        /** The session, or null while the metadata of a magnet link is being fetched. */
        public TorrentSession session() {
            return swarm;
        }

        /** The metainfo, or null while it is being fetched. */
        public Metainfo metainfo() {
            TorrentSession s = swarm;
            return s == null ? null : s.metainfo();
        }

        /** Completes once the metainfo is known (at once for a .torrent); fails if it could not be used. */
        public CompletableFuture<Metainfo> metadata() {
            return metadata;
        }

        public Phase phase() {
            return phase;
        }

        /** Distinct peers the sources have found so far (up to 1,000): "finding peers: 3 found". */
        public int knownPeers() {
            return knownPeers;
        }

        public CompletableFuture<SwarmResult> completion() {
            return done;
        }

        /** Called on the peer's thread after every verified piece and every rechoke (once downloading). */
        public void onStatus(Consumer<SwarmStatus> listener) {
            peerNode.execute(() -> metadata.thenAccept(m -> swarm.onStatus(listener)));
        }

        /** When the tracker last answered an announce, in protocol time; {@code Long.MIN_VALUE} if never. */
        public long lastAnnouncedNanos() {
            Announcer a = trackerAnnouncer();
            return a == null ? Long.MIN_VALUE : a.lastSuccessNanos();
        }

        /** The last tracker error, or null. */
        public String lastTrackerError() {
            Announcer a = trackerAnnouncer();
            return a == null ? null : a.lastError();
        }

        /** The last error of this torrent's peer sources or metadata exchange, or null: for the status line. */
        public String lastError() {
            if (lastError != null) {
                return lastError;
            }
            MetadataFetch f = fetch;
            if (f != null && f.lastError() != null) {
                return "metadata: " + f.lastError();
            }
            for (Map.Entry<PeerSource, Announcer> e : announcers.entrySet()) {
                String why = e.getValue().lastError();
                if (why != null) {
                    return e.getKey().name() + ": " + why;
                }
            }
            return null;
        }

        private Announcer trackerAnnouncer() {
            for (Map.Entry<PeerSource, Announcer> e : announcers.entrySet()) {
                if (e.getKey() instanceof TrackerSource) {
                    return e.getValue();
                }
            }
            return null;
        }

        /** Asks every source for more peers now (outside their schedules). */
        public void reannounce() {
            peerNode.execute(() -> announcers.values().forEach(Announcer::findMore));
        }

        /** Leaves the swarm: event=stopped to the tracker, every source told, every connection closed. */
        public void stop() {
            peerNode.execute(() -> {
                if (stopped) {
                    return;
                }
                stopped = true;
                phase = Phase.STOPPED;
                announcers.values().forEach(Announcer::stop);
                TorrentSession s = swarm;
                if (s != null) {
                    engine.remove(s);
                }
                if (fetch != null) {
                    engine.remove(fetch);
                    fetch = null;
                }
                torrents.remove(this);
                metadata.completeExceptionally(new IllegalStateException("stopped before the metadata arrived"));
                done.complete(s == null ? null : s.result());
            });
        }
    }

    /** Peers remembered per torrent from its sources. */
    static final int MAX_KNOWN = 1000;

    /** What a tracker hears as {@code left} before the metadata says the size: not 0, which means a seed. */
    static final long UNKNOWN_LEFT = 16 * 1024;
}
