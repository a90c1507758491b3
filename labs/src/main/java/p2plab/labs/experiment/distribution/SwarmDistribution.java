package p2plab.labs.experiment.distribution;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import p2plab.bittorrent.BitTorrentOverlay;
import p2plab.common.content.GeneratedContent;
import p2plab.common.metrics.Counts;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Role;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.experiment.ProtocolErrors;
import p2plab.labs.session.Transports;

/**
 * The peer-to-peer side of the distribution experiment: a tracker, one BitTorrent seed uploading
 * at u_s and N leechers uploading at u (all downloading at d_min) join one swarm at the same
 * moment; the distribution time runs until the last leecher holds every verified piece.
 * Leechers keep seeding once complete, as the bound assumes.
 *
 * <p>The swarm is an ordinary BitTorrent network, built through the Overlay SPI like the shell's
 * ({@code network create bittorrent}); the {@link Settings} become its options. The distribution
 * benchmark runs this same method, so both report the same figure for the same parameters.
 */
public final class SwarmDistribution {
    /** One announce each: every leecher meets the earlier ones, and the figure needs no tracker traffic. */
    private static final Duration NEVER = Duration.ofDays(365);

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

        /** As BitTorrent network options; leechers keep no bytes of their own ({@code store=shared}). */
        Map<String, String> options() {
            return Map.ofEntries(Map.entry("piece-length", Integer.toString(pieceLength)),
                    Map.entry("pipeline", Integer.toString(pipeline)), Map.entry("picker", picker),
                    Map.entry("rechoke", seconds(rechoke)), Map.entry("optimistic", seconds(optimistic)),
                    Map.entry("snub", seconds(snub)), Map.entry("slots", Integer.toString(slots)),
                    Map.entry("seed-slots", Integer.toString(seedSlots)), Map.entry("interval", seconds(NEVER)),
                    Map.entry("store", "shared"));
        }

        private static String seconds(Duration d) {
            return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
        }
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
     * One sample of a traced swarm: since the start, the bytes of pieces the seed and the
     * leechers sent during the last step as a share of their upload capacity, and how many
     * leechers are complete. A peer hands a block to its uplink only when the link has room, so
     * this is the share of the capacity in use (a little above 1 when a step ends mid-block).
     */
    public record Sample(double seconds, double seedUse, double leecherUse, int complete) {
    }

    /** As {@link #run}, recording a {@link Sample} every {@code step} into {@code trace} when it is not null. */
    public static Outcome run(long seed, int leechers, long fileBytes, long seedUpload, long peerUpload, long minDownload,
                              Settings s, List<Sample> trace) throws TimeoutException {
        NetworkSpec spec = NetworkSpec.of("distribution", leechers, seed)
                .withPeerSpec(PeerSpec.rates(peerUpload, minDownload)).withOptions(s.options());
        try (SimTransport sim = Transports.simulator(seed);
             Network net = new BitTorrentOverlay().create(spec, sim)) {
            List<PeerId> crowd = net.peers().stream().filter(id -> net.info(id).role() != Role.TRACKER).toList();
            PeerId source = net.addPeer(PeerSpec.rates(seedUpload, minDownload));
            GeneratedContent file = new GeneratedContent("distribution-file", fileBytes, seed);
            net.share(source, file);
            sim.advance(Duration.ofSeconds(1)); // the seed announces before the crowd arrives
            long start = sim.clock().nanos();
            long[] last = {start};
            int[] complete = {0};
            List<CompletableFuture<TransferResult>> all = new ArrayList<>();
            for (PeerId leecher : crowd) {
                all.add(net.download(leecher, file.id()).whenComplete((t, e) -> {
                    if (t != null && t.verified()) {
                        complete[0]++;
                        last[0] = Math.max(last[0], sim.clock().nanos());
                    }
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
                    long seedNow = piecesSent(net, source);
                    long leechNow = crowd.stream().mapToLong(p -> piecesSent(net, p)).sum();
                    double secs = step.toNanos() / 1e9;
                    trace.add(new Sample((sim.clock().nanos() - start) / 1e9, (seedNow - seedBefore) / (seedUpload * secs),
                            (leechNow - leechBefore) / ((double) peerUpload * leechers * secs), complete[0]));
                    seedBefore = seedNow;
                    leechBefore = leechNow;
                }
            }
            ProtocolErrors.await(sim, everyone, limit, "swarm of " + leechers); // a bug is not a stall
            if (complete[0] < leechers) {
                throw new IllegalStateException("a leecher stopped before it had every verified piece");
            }
            long received = 0;
            for (CompletableFuture<TransferResult> t : all) {
                received += t.join().sources().stream().mapToLong(TransferResult.Source::bytes).sum();
            }
            return new Outcome((last[0] - start) / 1e9, leechers == 0 ? 1 : (double) received / ((double) leechers * fileBytes));
        }
    }

    /** Bytes of piece messages {@code peer} sent so far, as the transport counted them. */
    private static long piecesSent(Network net, PeerId peer) {
        Counts c = net.transport().metrics().peer(peer.label()).get("bittorrent/piece");
        return c == null ? 0 : c.bytesSent();
    }
}
