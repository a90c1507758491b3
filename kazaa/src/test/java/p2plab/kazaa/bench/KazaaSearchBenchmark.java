package p2plab.kazaa.bench;

import java.util.List;
import java.util.Map;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kazaa.KazaaNetwork;
import p2plab.kazaa.KazaaOverlay;
import p2plab.kazaa.workload.SearchWorkload;

/**
 * Kazaa search at scale, in simulation: builds a network (default 100,000 peers, 1% supernodes),
 * places a seeded catalogue, runs seeded queries from random peers, and prints messages per
 * query, success rate and the wall time of each phase.
 *
 * <pre>
 *   args: [peers=100000] [supernode-ratio=0.01] [queries=1000] [ttl=3] [files=10000] [links=4]
 * </pre>
 */
public final class KazaaSearchBenchmark {

    private KazaaSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String ratio = args.length > 1 ? args[1] : "0.01";
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        String ttl = args.length > 3 ? args[3] : "3";
        int files = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        String links = args.length > 5 ? args[5] : "4";
        long seed = 2026;

        long t0 = System.nanoTime();
        try (SimTransport sim = SimTransport.withSeed(seed)) {
            KazaaNetwork net = (KazaaNetwork) new KazaaOverlay().create(NetworkSpec.of("bench", peers, seed)
                    .withOptions(Map.of("supernode-ratio", ratio, "ttl", ttl, "links", links)), sim);
            long t1 = System.nanoTime();
            Catalogue catalogue = Catalogue.generate(CatalogueSpec.of(files, seed));
            SearchWorkload.place(net, catalogue);
            long t2 = System.nanoTime();
            List<String> qs = catalogue.queries(queries, seed + 1);
            SearchWorkload.Figures f = SearchWorkload.run(net, qs, seed + 1, 100);
            long t3 = System.nanoTime();
            System.out.printf("kazaa sim: %d peers, %d supernodes (ratio %s), links %s, ttl %s, %d files%n",
                    peers, net.supernodes().size(), ratio, links, ttl, files);
            System.out.printf("  build %.1f s, place catalogue %.1f s, %d queries %.1f s (wall)%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, queries, (t3 - t2) / 1e9);
            System.out.printf("  messages/query %.1f, success %.1f%%, hits/query %.1f, supernodes reached/query %.1f%n",
                    f.messagesPerQuery(), 100 * f.successRate(), f.meanHits(), f.meanPeersReached());
            System.out.printf("  simulated time %.1f s, events %d, heap used %d MB%n", sim.clock().nanos() / 1e9,
                    sim.eventsRun(), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        }
    }
}
