package p2plab.labs.experiment.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.PeerId;
import p2plab.common.topology.TopologySpec;

/**
 * Gnutella flooding against d * sum_{i<t} (d-1)^i: exactly on a d-regular tree deeper than the
 * TTL (asked from the root), at or below it on random d-regular graphs (cycles cause duplicates
 * that are dropped, and the horizon runs out of peers).
 */
class FloodingMatchesTheTreeBoundTest {

    private static Overlay gnutella() {
        for (Overlay o : ServiceLoader.load(Overlay.class)) {
            if (o.name().equals("gnutella")) {
                return o;
            }
        }
        throw new AssertionError("gnutella overlay not on the class path");
    }

    @Test
    void theBoundIsTheTextbookSeries() {
        assertEquals(4, SearchCostExperiment.floodingBound(4, 1));
        assertEquals(16, SearchCostExperiment.floodingBound(4, 2));
        assertEquals(52, SearchCostExperiment.floodingBound(4, 3));
        assertEquals(4372, SearchCostExperiment.floodingBound(4, 7));
        assertEquals(21, SearchCostExperiment.floodingBound(3, 3));
    }

    @Test
    void onARegularTreeDeeperThanTheTtlTheFloodCostsExactlyTheBound() throws Exception {
        // degree 3, filled from the root: 1 + 3 + 6 + 12 + 24 = 46 peers, depth 4
        for (int ttl = 1; ttl <= 3; ttl++) {
            SearchCostExperiment.Measure m = SearchCostExperiment.measure(gnutella(), Map.of("forwarding", "flooding"),
                    TopologySpec.of("regular-tree", 3), 46, ttl, 0, 3, 7, PeerId.of(0));
            assertEquals(SearchCostExperiment.floodingBound(3, ttl), m.queryMessagesPerQuery(), 0.0, "TTL " + ttl);
        }
    }

    @Test
    void onRandomRegularGraphsTheFloodCostsAtMostTheBound() throws Exception {
        for (int ttl = 1; ttl <= 5; ttl++) {
            SearchCostExperiment.Measure m = SearchCostExperiment.measure(gnutella(), Map.of("forwarding", "flooding"),
                    TopologySpec.of("random-regular", 4), 100, ttl, 60, 8, 11, null);
            assertTrue(m.queryMessagesPerQuery() <= SearchCostExperiment.floodingBound(4, ttl),
                    "TTL " + ttl + ": " + m.queryMessagesPerQuery() + " > " + SearchCostExperiment.floodingBound(4, ttl));
            assertTrue(m.queryMessagesPerQuery() >= 4, "a flood sends at least one query per neighbour");
        }
    }
}
