package p2plab.gnutella.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.gnutella.GnutellaNetwork;
import p2plab.gnutella.GnutellaOverlay;

/**
 * Gnutella flooding at scale in simulation, on the calling thread: a random-regular overlay of
 * {@code peers} servents (every edge a 0.6 handshake), a Zipf catalogue placed on them, then
 * {@code queries} searches from random peers, one after another. Then messages per query against
 * TTL, next to the tree bound d * sum_{i<t} (d-1)^i.
 *
 * <pre>bench/run gnutella p2plab.gnutella.bench.GnutellaSimBenchmark [peers] [degree] [queries] [ttl] [table-queries]</pre>
 */
public final class GnutellaSimBenchmark {

    public static void main(String[] args) throws Exception {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int degree = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int ttl = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        int tableQueries = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        System.out.printf("gnutella sim: %,d peers, random-regular degree %d, %,d queries at TTL %d, %d cores, max heap %d MiB%n",
                peers, degree, queries, ttl, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        SimTransport sim = SimTransport.withSeed(1);
        GnutellaNetwork net = (GnutellaNetwork) new GnutellaOverlay().create(NetworkSpec.of("bench", peers, 1)
                .withTopology(TopologySpec.of("random-regular", degree)).withOptions(Map.of("timeout", "2")), sim);
        long t1 = System.nanoTime();
        System.out.printf("built and handshaken: %,d links in %.1f s (%,d events)%n",
                net.graph().edgeCount(), (t1 - t0) / 1e9, sim.eventsRun());

        Catalogue catalogue = Catalogue.generate(CatalogueSpec.of(2_000, 1).withTopReplicaFraction(0.002));
        List<List<GeneratedContent>> placement = catalogue.placement(peers);
        long shares = 0;
        for (int p = 0; p < peers; p++) {
            for (GeneratedContent c : placement.get(p)) {
                net.share(PeerId.of(p), c);
                shares++;
            }
        }
        long t2 = System.nanoTime();
        System.out.printf("shared %,d replicas of %,d files in %.1f s%n", shares, catalogue.size(), (t2 - t1) / 1e9);

        SplittableRandom random = new SplittableRandom(2);
        List<String> texts = catalogue.queries(queries, 3);
        long messages = 0;
        long reached = 0;
        long found = 0;
        long duplicates = 0;
        long events = sim.eventsRun();
        long c3 = cpu.getCurrentThreadCpuTime();
        long p3 = processCpuNanos();
        long t3 = System.nanoTime();
        for (String text : queries == 0 ? List.<String>of() : texts) {
            SearchResult r = sim.await(net.search(PeerId.of(random.nextInt(peers)), new Query(text, ttl)), Duration.ofMinutes(1));
            messages += r.messages();
            reached += r.peersReached();
            duplicates += r.duplicates();
            found += r.found() ? 1 : 0;
        }
        long t4 = System.nanoTime();
        long c4 = cpu.getCurrentThreadCpuTime();
        long p4 = processCpuNanos();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%,d queries in %.1f s (%,d events, %,.0f events/s): %,.0f messages/query (Query+QueryHit), "
                        + "%,.0f duplicates/query, %,.0f peers reached/query, %.1f%% found something%n",
                queries, (t4 - t3) / 1e9, sim.eventsRun() - events, (sim.eventsRun() - events) / ((t4 - t3) / 1e9),
                (double) messages / queries, (double) duplicates / queries, (double) reached / queries, 100.0 * found / queries);
        System.out.printf("CPU time for the queries: %.1f s on the simulating thread, %.1f s for the whole JVM"
                        + " (GC and JIT included); wall %.1f s on a shared machine%n",
                (c4 - c3) / 1e9, (p4 - p3) / 1e9, (t4 - t3) / 1e9);
        System.out.printf("heap in use after the run (after GC): %,d MiB%n", heap >> 20);

        System.out.printf("%nmessages per query vs TTL (%d queries each, Query messages only, nothing matches)%n", tableQueries);
        System.out.println("| TTL | Query messages (mean) | tree bound d*sum((d-1)^i) | peers reached (mean) | duplicates (mean) |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int t = 1; t <= ttl; t++) {
            long q = 0;
            long reach = 0;
            long dup = 0;
            for (int i = 0; i < tableQueries; i++) {
                long before = net.metrics().messagesSent("gnutella/Query");
                SearchResult r = sim.await(net.search(PeerId.of(random.nextInt(peers)), new Query("zzzunmatched", t)),
                        Duration.ofMinutes(1));
                q += net.metrics().messagesSent("gnutella/Query") - before;
                reach += r.peersReached();
                dup += r.duplicates();
            }
            long bound = 0;
            long level = 1;
            for (int i = 0; i < t; i++) {
                bound += level;
                level *= degree - 1;
            }
            bound *= degree;
            System.out.printf("| %d | %,.1f | %,d | %,.1f | %,.1f |%n", t, (double) q / tableQueries, bound,
                    (double) reach / tableQueries, (double) dup / tableQueries);
        }
        System.out.printf("total wall time %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
