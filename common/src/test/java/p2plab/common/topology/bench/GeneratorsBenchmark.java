package p2plab.common.topology.bench;

import java.util.Arrays;
import java.util.function.Supplier;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;
import p2plab.common.content.GeneratedContent;
import p2plab.common.topology.Topologies;

/**
 * How long the workload generators take at lab scale: the three random topologies on 100,000
 * nodes, a 10,000-file catalogue with its placement on 1,000 peers, and generated-content
 * throughput. Prints the median of {@code runs} timed runs after one warm-up.
 * Args: [nodes=100000] [runs=5].
 */
public final class GeneratorsBenchmark {

    public static void main(String[] args) {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        time("randomRegular(" + nodes + ", 4)", runs, () -> Topologies.randomRegular(nodes, 4, 1));
        time("erdosRenyi(" + nodes + ", 4)", runs, () -> Topologies.erdosRenyi(nodes, 4, 1));
        time("barabasiAlbert(" + nodes + ", 2)", runs, () -> Topologies.barabasiAlbert(nodes, 2, 1));
        time("Catalogue.generate(10000 files)", runs, () -> Catalogue.generate(CatalogueSpec.of(10_000, 1)));
        Catalogue c = Catalogue.generate(CatalogueSpec.of(10_000, 1));
        time("placement(1000 peers) of 10000 files", runs, () -> c.placement(1000));
        time("queries(10000)", runs, () -> c.queries(10_000, 1));
        long bytes = 64L << 20;
        double ms = time("GeneratedContent read + SHA-256 of 64 MiB", runs,
                () -> new GeneratedContent("x", bytes, 7).id());
        System.out.printf("  = %.0f MiB/s hashed%n", 64 / (ms / 1000));
        double readMs = time("GeneratedContent read only, 64 MiB in 16 KiB blocks", runs, () -> {
            GeneratedContent g = new GeneratedContent("x", bytes, 7);
            long sum = 0;
            for (long off = 0; off < bytes; off += 16384) {
                sum += g.read(off, 16384)[0];
            }
            return sum;
        });
        System.out.printf("  = %.0f MiB/s generated%n", 64 / (readMs / 1000));
    }

    private static double time(String what, int runs, Supplier<?> task) {
        task.get();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Object result = task.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (result == null) {
                throw new IllegalStateException("no result");
            }
        }
        Arrays.sort(ms);
        double median = ms[runs / 2];
        System.out.printf("%-55s median %8.1f ms  (min %.1f, max %.1f, %d runs)%n", what, median, ms[0], ms[runs - 1], runs);
        return median;
    }
}
