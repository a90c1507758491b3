package p2plab.kazaa.workload;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.content.Catalogue;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kazaa.KazaaNetwork;
import p2plab.kazaa.KazaaOverlay;

/**
 * Kazaa's side of the comparison with Gnutella flooding: 2,000 peers, the seeded comparison
 * catalogue, 200 queries from random peers. The figures go to docs/kazaa.md; the cross-overlay
 * assertion (10x fewer messages at equal or better success) lives in the labs module.
 */
class TwoThousandPeerWorkloadTest {

    @Test
    void supernodeSearchFindsAlmostEverythingWithFewMessages() throws Exception {
        try (SimTransport sim = SimTransport.withSeed(2026)) {
            KazaaNetwork net = (KazaaNetwork) new KazaaOverlay().create(
                    NetworkSpec.of("workload", 2_000, 2026).withOptions(Map.of("ttl", "3")), sim);
            Catalogue catalogue = Catalogue.generate(SearchWorkload.comparisonCatalogue());
            SearchWorkload.place(net, catalogue);
            List<String> queries = catalogue.queries(200, 7);
            SearchWorkload.Figures f = SearchWorkload.run(net, queries, 7, 50);
            System.out.println("kazaa, 2000 peers, " + net.supernodes().size() + " supernodes, ttl 3: " + f);
            assertTrue(f.successRate() >= 0.9, f.toString());
            assertTrue(f.messagesPerQuery() < 2_000, "far fewer messages than peers: " + f);
        }
    }
}
