package p2plab.bittorrent.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import p2plab.bittorrent.BitTorrentNetwork;
import p2plab.bittorrent.BitTorrentOverlay;
import p2plab.common.content.Content;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.sim.SimTransport;

/**
 * Simulated distribution time of one file to N homogeneous leechers (uplink u, seed 10u),
 * against the Kumar-Ross lower bound max(F/us, F/dmin, N F / (us + N u)).
 *
 * <p>Args: file MiB (default 8), piece KiB (default 64), then the N values (default 10 100).
 */
public final class DistributionTimeBenchmark {

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int pieceKib = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        List<Integer> ns = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            ns.add(Integer.parseInt(args[i]));
        }
        if (ns.isEmpty()) {
            ns = List.of(10, 100);
        }
        long u = 100_000;
        long d = 1_000_000;
        for (int n : ns) {
            long wall = System.nanoTime();
            try (SimTransport sim = SimTransport.withSeed(42)) {
                NetworkSpec spec = NetworkSpec.of("bt", n, 42).withPeerSpec(PeerSpec.rates(u, d))
                        .withOptions(Map.of("piece-length", Integer.toString(pieceKib * 1024), "pipeline", System.getProperty("pipeline", "5")));
                BitTorrentNetwork net = (BitTorrentNetwork) new BitTorrentOverlay().create(spec, sim);
                PeerId seed = net.addPeer(PeerSpec.rates(10 * u, d));
                Content file = contentOf(mib);
                net.share(seed, file);
                List<CompletableFuture<TransferResult>> all = new ArrayList<>();
                for (int p = 1; p <= n; p++) {
                    all.add(net.download(PeerId.of(p), file.id()));
                }
                long start = sim.clock().nanos();
                sim.await(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), Duration.ofHours(10));
                double seconds = (sim.clock().nanos() - start) / 1e9;
                double f = file.size();
                long received = 0;
                for (CompletableFuture<TransferResult> t : all) {
                    received += t.get().sources().stream().mapToLong(TransferResult.Source::bytes).sum();
                }
                double seedShare = net.uploaded(seed, file.id()) / (n * f);
                double bound = Math.max(Math.max(f / (10 * u), f / d), n * f / (10 * u + (double) n * u));
                System.out.printf("N=%d F=%d MiB piece=%d KiB: %.1f s, bound %.1f s, ratio %.2f, received/needed %.2f,"
                        + " seed share %.2f (wall %.0f s)%n", n, mib, pieceKib, seconds, bound, seconds / bound,
                        received / (n * f), seedShare, (System.nanoTime() - wall) / 1e9);
            }
        }
    }

    private static Content contentOf(int mib) {
        return new p2plab.common.content.BytesContent("bench.bin", randomBytes(mib << 20));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.util.SplittableRandom(7).nextBytes(b);
        return b;
    }
}
