package p2plab.labs.experiment.distribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import p2plab.bittorrent.choke.TitForTatChoker;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.peer.PeerConfig;
import p2plab.bittorrent.picker.Pickers;
import p2plab.bittorrent.storage.ContentStore;
import p2plab.bittorrent.tracker.TrackerServer;
import p2plab.common.content.GeneratedContent;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * The peer-to-peer side of the distribution experiment: a tracker, one BitTorrent seed uploading
 * at u_s and N leechers uploading at u (all downloading at d_min) join one swarm at the same
 * moment; the distribution time runs until the last leecher holds every verified piece.
 * Leechers keep seeding once complete, as the bound assumes.
 *
 * <p>It builds the clients itself (rather than through {@code BitTorrentNetwork}) so that the
 * choking timers can be set: see {@link Settings}.
 */
public final class SwarmDistribution {

    private SwarmDistribution() {
    }

    /**
     * The BitTorrent knobs the experiment varies. The timers default to BEP 3's customary values
     * (rechoke 10 s, optimistic unchoke 30 s, snub 60 s).
     */
    public record Settings(int pieceLength, int pipeline, String picker, Duration rechoke, Duration optimistic, Duration snub,
                           int slots, int seedSlots) {
        public static final Settings DEFAULTS = new Settings(256 * 1024, 5, "rarest", Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(60), 4, 4);
    }

    /**
     * How a swarm went.
     *
     * @param seconds  from the start until the last leecher held every verified piece
     * @param received payload bytes the leechers received, over the N F they needed (1 = no byte sent twice)
     */
    public record Outcome(double seconds, double received) {
    }

    /** Simulates one swarm. */
    public static Outcome run(long seed, int leechers, long fileBytes, long seedUpload, long peerUpload, long minDownload,
                              Settings s) throws TimeoutException {
        return run(seed, leechers, fileBytes, seedUpload, peerUpload, minDownload, s, null);
    }

    /**
     * One sample of a traced swarm: since the start, the payload the seed and the leechers handed
     * to their uplinks during the last step as a share of their capacity, and how many leechers
     * are complete. A peer hands a block to its uplink only when the link has room, so this is
     * the share of the capacity in use (a little above 1 when a step ends mid-block).
     */
    public record Sample(double seconds, double seedUse, double leecherUse, int complete) {
    }

    /** As {@link #run}, recording a {@link Sample} every {@code step} into {@code trace} when it is not null. */
    public static Outcome run(long seed, int leechers, long fileBytes, long seedUpload, long peerUpload, long minDownload,
                              Settings s, List<Sample> trace) throws TimeoutException {
        Duration never = Duration.ofDays(365); // one announce each: every leecher meets the earlier ones, and the figure needs no tracker traffic
        try (SimTransport sim = SimTransport.withSeed(seed)) {
            TrackerServer tracker = TrackerServer.start(sim, "tracker", 0, never);
            GeneratedContent file = new GeneratedContent("distribution-file", fileBytes, seed);
            Metainfo meta = Torrents.of(file, tracker.announceUrl(), s.pieceLength());
            tracker.node().execute(() -> tracker.publish(meta));
            ClientOptions options = ClientOptions.defaults()
                    .withPicker(Pickers.byName(s.picker()))
                    .withChoker(() -> new TitForTatChoker(s.slots(), s.optimistic().toNanos()))
                    .withPeer(new PeerConfig(s.pipeline(), s.rechoke(), s.snub(), PeerConfig.DEFAULTS.banAfter(),
                            PeerConfig.DEFAULTS.maxConnections()))
                    .withMaxReannounce(never);
            ClientOptions seedOptions = options.withChoker(() -> new TitForTatChoker(s.seedSlots(), s.optimistic().toNanos()));
            Client server = Client.open(sim, "seed", 0, NodeConfig.named("seed").withRates(seedUpload, minDownload), seedOptions);
            Client.Torrent seedTorrent = sim.await(server.seed(meta, new ContentStore(file)), Duration.ofMinutes(1));
            sim.advance(Duration.ofSeconds(1)); // the seed announces before the crowd arrives
            long start = sim.clock().nanos();
            long[] last = {start};
            int[] complete = {0};
            List<Client.Torrent> torrents = new ArrayList<>();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < leechers; i++) {
                Client c = Client.open(sim, "p" + (i + 1), 0, NodeConfig.named("p" + (i + 1)).withRates(peerUpload, minDownload),
                        options);
                all.add(c.get(meta, new HeldPieces(file, s.pieceLength())).thenCompose(t -> {
                    torrents.add(t);
                    return t.completion();
                }).thenAccept(r -> {
                    if (!r.complete()) {
                        throw new IllegalStateException("a leecher stopped before it had every piece");
                    }
                    complete[0]++;
                    last[0] = Math.max(last[0], sim.clock().nanos());
                }));
            }
            double bound = DistributionTheory.peerToPeer(leechers, fileBytes, seedUpload, minDownload, (double) leechers * peerUpload);
            CompletableFuture<Void> everyone = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
            Duration limit = Duration.ofSeconds((long) (bound * 20) + 600);
            if (trace != null) {
                Duration step = Duration.ofNanos(Math.max(1_000_000_000L, (long) (bound * 1e9 / 50)));
                long seedBefore = 0;
                long leechBefore = 0;
                while (!everyone.isDone() && sim.clock().nanos() - start < limit.toNanos()) {
                    sim.advance(step);
                    long seedNow = seedTorrent.session().bytesUp();
                    long leechNow = torrents.stream().mapToLong(t -> t.session().bytesUp()).sum();
                    double secs = step.toNanos() / 1e9;
                    trace.add(new Sample((sim.clock().nanos() - start) / 1e9, (seedNow - seedBefore) / (seedUpload * secs),
                            (leechNow - leechBefore) / ((double) peerUpload * leechers * secs), complete[0]));
                    seedBefore = seedNow;
                    leechBefore = leechNow;
                }
            }
            sim.await(everyone, limit);
            long received = torrents.stream().mapToLong(t -> t.session().bytesDown()).sum();
            return new Outcome((last[0] - start) / 1e9, leechers == 0 ? 1 : (double) received / ((double) leechers * fileBytes));
        }
    }
}
