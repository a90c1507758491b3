package p2plab.labs.bench;

import java.util.List;
import p2plab.common.overlay.Overlay;
import p2plab.gnutella.GnutellaOverlay;
import p2plab.kazaa.KazaaOverlay;
import p2plab.labs.compare.Comparison;
import p2plab.labs.compare.ComparisonRow;
import p2plab.labs.compare.Workload;

/**
 * Kazaa and Gnutella side by side on one simulated workload: the same peers, seeded catalogue,
 * queries and askers. Prints messages per query, success rate, hops and the wall time of each.
 *
 * <pre>BENCH_JVM=-Xmx8g bench/run labs p2plab.labs.bench.SideBySideSearchBenchmark [peers] [files] [queries] [seed]</pre>
 */
public final class SideBySideSearchBenchmark {

    public static void main(String[] args) {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 2026;
        Workload w = new Workload(peers, files, queries, 0, seed, 0.8);
        System.out.printf("%,d peers, %,d files, %,d queries, seed %d, each overlay with its defaults%n", peers, files, queries, seed);
        for (Overlay o : List.of(new KazaaOverlay(), new GnutellaOverlay())) {
            long start = System.nanoTime();
            ComparisonRow r = Comparison.run(o, w);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-9s %,10.1f messages/query  success %.3f  hops %.2f  busiest peer %s (%,d msgs)  wall %.1f s%n",
                    r.overlay(), r.messagesPerQuery(), r.successRate(), r.meanHops(), r.busiestPeer(), r.busiestPeerMessages(), seconds);
        }
    }

    private SideBySideSearchBenchmark() {
    }
}
