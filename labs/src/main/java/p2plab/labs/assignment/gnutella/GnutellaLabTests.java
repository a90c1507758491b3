package p2plab.labs.assignment.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.topology.Graph;
import p2plab.common.topology.Topologies;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.gnutella.GnutellaOverlay;
import p2plab.labs.assignment.sim.SimSteps;
import p2plab.labs.grading.Graded;
import p2plab.labs.grading.Subject;
import p2plab.labs.grading.Visibility;

/** Lab 2: Gnutella's descriptor rules, flooding cost, expanding ring, and a live search. 25 points. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class GnutellaLabTests {

    private static QueryRouter router() {
        return Subject.get(QueryRouter.class);
    }

    @Test
    @DisplayName("2.1 a new query is handled and forwarded with TTL - 1 and hops + 1")
    @Graded(points = 2)
    void newQueryForwarded() {
        QueryRouter.Decision d = router().onQuery("g1", "a", 5, 2);
        assertNotNull(d, "onQuery returned null");
        assertTrue(d.handle(), "a first sighting is handled");
        assertTrue(d.forward(), "TTL 5 arriving: 4 left, so forward");
        assertEquals(4, d.ttl(), "forwarded TTL");
        assertEquals(3, d.hops(), "forwarded hops");
    }

    @Test
    @DisplayName("2.2 a query arriving with TTL 1 is answered but goes no further")
    @Graded(points = 2)
    void ttlRunsOut() {
        QueryRouter.Decision d = router().onQuery("g1", "a", 1, 6);
        assertNotNull(d, "onQuery returned null");
        assertTrue(d.handle(), "still answered here");
        assertFalse(d.forward(), "TTL 1 arriving: 0 left, so not forwarded");
    }

    @Test
    @DisplayName("2.3 a GUID seen before is dropped, whoever sends it")
    @Graded(points = 2)
    void duplicatesDropped() {
        QueryRouter r = router();
        assertTrue(r.onQuery("g1", "a", 4, 0).handle());
        assertFalse(r.onQuery("g1", "b", 4, 0).handle(), "the same GUID again, from b");
        assertFalse(r.onQuery("g1", "a", 7, 0).handle(), "the same GUID again, from a");
        assertTrue(r.onQuery("g2", "b", 4, 0).handle(), "another GUID is new");
        r.originate("g3");
        assertFalse(r.onQuery("g3", "a", 4, 1).handle(), "our own query coming back is a duplicate");
    }

    @Test
    @DisplayName("2.4 QueryHits go back the way their Query came")
    @Graded(points = 3)
    void reversePath() {
        QueryRouter r = router();
        r.onQuery("g1", "a", 4, 0);
        r.onQuery("g1", "b", 4, 0);
        r.originate("g2");
        assertEquals("a", r.routeHit("g1"), "g1 came first from a");
        assertEquals(QueryRouter.LOCAL, r.routeHit("g2"), "g2 is ours");
        assertNull(r.routeHit("g9"), "a hit for a query never seen is dropped");
    }

    @Test
    @DisplayName("2.5 expanding ring: TTLs 1, 3, 5, ... then the TTL asked for")
    @Graded(points = 2)
    void expandingRing() {
        QueryRouter r = router();
        assertEquals(List.of(1, 3, 5, 7), r.rounds(7));
        assertEquals(List.of(1, 3, 5, 6), r.rounds(6));
        assertEquals(List.of(1), r.rounds(1));
    }

    @Test
    @DisplayName("2.6 flooding on a tree: exactly the nodes within the TTL, once each")
    @Graded(points = 3)
    void floodTree() {
        Graph tree = Topologies.tree(31, 2);
        for (int ttl = 1; ttl <= 4; ttl++) {
            FloodModel.Outcome o = new FloodModel(tree, GnutellaLabTests::router).search(0, ttl, Set.of(), 1);
            assertFalse(o.cutOff(), "the flood never stopped (TTL ignored?)");
            assertEquals(FloodModel.floodingQueries(tree, 0, ttl), o.queries(), "Query messages with TTL " + ttl);
        }
    }

    @Test
    @DisplayName("2.7 flooding on a ring and a random graph: TTL and duplicates bound the cost")
    @Graded(points = 4)
    void floodWithCycles() {
        for (Graph g : List.of(Topologies.ring(12), Topologies.randomRegular(60, 4, 7))) {
            for (int ttl : new int[] {2, 4, 8}) {
                FloodModel.Outcome o = new FloodModel(g, GnutellaLabTests::router).search(0, ttl, Set.of(), 2);
                assertFalse(o.cutOff(), "the flood never stopped (duplicates or TTL ignored?)");
                assertEquals(FloodModel.floodingQueries(g, 0, ttl), o.queries(),
                        "Query messages on " + g.size() + " nodes with TTL " + ttl);
            }
        }
    }

    @Test
    @DisplayName("2.8 a hit three hops away comes back to the asker over three links")
    @Graded(points = 3)
    void hitComesBack() {
        Graph line = Topologies.line(8);
        FloodModel.Outcome o = new FloodModel(line, GnutellaLabTests::router).search(0, 5, Set.of(3), 3);
        assertTrue(o.answered(), "the QueryHit reached node 0");
        assertEquals(3, o.hits(), "QueryHit messages (one per link on the way back)");
        FloodModel.Outcome far = new FloodModel(line, GnutellaLabTests::router).search(0, 2, Set.of(3), 3);
        assertFalse(far.answered(), "node 3 is beyond TTL 2");
    }

    @Test
    @DisplayName("2.9 many searches at once on a random graph: every hit finds its asker")
    @Graded(points = 2, visibility = Visibility.HIDDEN)
    void manySearches() {
        Graph g = Topologies.randomRegular(40, 4, 9);
        FloodModel model = new FloodModel(g, GnutellaLabTests::router);
        for (int s = 0; s < 20; s++) {
            int origin = s * 2 % 40;
            FloodModel.Outcome o = model.search(origin, 6, Set.of((origin + 17) % 40), 100 + s);
            int[] dist = g.distancesFrom(origin);
            assertEquals(dist[(origin + 17) % 40] <= 6, o.answered(), "search " + s + " from node " + origin);
        }
    }

    @Test
    @DisplayName("2.10 in a simulated Gnutella network: a file within the TTL is found")
    @Graded(points = 2)
    void liveSearch() {
        NetworkSpec spec = NetworkSpec.of("lab2", 10, 2).withTopology(TopologySpec.of("ring", 0));
        try (SimTransport sim = SimTransport.withSeed(2);
             Network net = new GnutellaOverlay(Subject.factory(QueryRouter.class)).create(spec, sim)) {
            SimSteps steps = new SimSteps(sim);
            net.share(PeerId.of(3), new BytesContent("Amber River.mp3", "x".getBytes(StandardCharsets.UTF_8)));
            steps.within(Duration.ofSeconds(1), () -> false);
            SearchResult r = steps.await(net.search(PeerId.of(0), new Query("amber", 4)), Duration.ofSeconds(120));
            assertTrue(r.found(), "peer 0 searching 'amber' with TTL 4 on a ring should find peer 3's file");
        }
    }
}
