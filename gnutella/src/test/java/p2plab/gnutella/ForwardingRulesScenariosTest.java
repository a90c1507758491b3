package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.gnutella.routing.ForwardingRule;
import p2plab.gnutella.routing.Neighbour;
import p2plab.gnutella.routing.QueryInfo;

/** The pluggable forwarding rules on one graph and seed: what each costs and reaches. */
class ForwardingRulesScenariosTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TopologySpec GRAPH = TopologySpec.of("random-regular", 4);

    private static SearchResult search(Map<String, String> options, int ttl) throws Exception {
        SimTransport sim = SimTransport.withSeed(9);
        Network net = new GnutellaOverlay().create(NetworkSpec.of("f", 1000, 9).withTopology(GRAPH).withOptions(options), sim);
        return sim.await(net.search(PeerId.of(0), new Query("nothing here", ttl)), WAIT);
    }

    @Test
    void randomWalkersReachFewerPeersWithFarFewerMessagesThanFlooding() throws Exception {
        SearchResult flood = search(Map.of(), 7);
        SearchResult walk = search(Map.of("forwarding", "random-walk", "walkers", "4"), 7);

        assertTrue(walk.peersReached() < flood.peersReached(), walk.peersReached() + " vs " + flood.peersReached());
        // 4 walkers of 7 steps send at most 28 Queries; flooding sends at least one per peer reached.
        assertTrue(walk.messages() <= 4 * 7, "walkers sent " + walk.messages());
        assertTrue(walk.messages() * 20 < flood.messages(), walk.messages() + " vs " + flood.messages());
        assertTrue(walk.peersReached() >= 4, "each walker reaches at least its first peer");
    }

    @Test
    void expandingRingStopsAtTheFirstRingThatFindsSomething() throws Exception {
        SimTransport sim = SimTransport.withSeed(9);
        GnutellaNetwork ring = (GnutellaNetwork) new GnutellaOverlay().create(NetworkSpec.of("e", 1000, 9)
                .withTopology(GRAPH).withOptions(Map.of("forwarding", "expanding-ring")), sim);
        int near = ring.graph().neighbours(0)[0];
        ring.share(PeerId.of(near), new BytesContent("close by.txt", new byte[] {1}));

        SearchResult r = sim.await(ring.search(PeerId.of(0), new Query("close by", 7)), WAIT);

        assertEquals(1, r.hits().size());
        assertEquals("1", r.details().get("rounds"));
        assertEquals(4 + 1, r.messages(), "TTL 1 to 4 neighbours, one QueryHit back");
        SearchResult flood = search(Map.of(), 7);
        assertTrue(r.messages() * 100 < flood.messages());
    }

    @Test
    void expandingRingWidensUntilTheTtlWhenNothingIsFound() throws Exception {
        SearchResult r = search(Map.of("forwarding", "expanding-ring"), 7);
        assertEquals("4", r.details().get("rounds"), "TTL 1, 3, 5, 7");
        assertEquals(0, r.hits().size());
    }

    /** A student's rule: forward to the first neighbour only. Plugged in without reflection. */
    static final class FirstOnly implements ForwardingRule {
        @Override
        public List<Neighbour> choose(QueryInfo query, List<Neighbour> candidates, RandomGenerator random) {
            return candidates.subList(0, 1);
        }
    }

    @Test
    void aCustomRuleIsPluggedInThroughTheConstructor() throws Exception {
        SimTransport sim = SimTransport.withSeed(2);
        Network net = new GnutellaOverlay(FirstOnly::new).create(
                NetworkSpec.of("c", 30, 2).withTopology(TopologySpec.of("ring", 0)), sim);
        SearchResult r = sim.await(net.search(PeerId.of(0), new Query("x", 5)), WAIT);
        assertEquals(5, r.messages(), "a single chain of 5 hops");
        assertEquals(5, r.peersReached());
    }

    /** A broken rule that names a neighbour twice and one that is not a candidate. */
    static final class Greedy implements ForwardingRule {
        @Override
        public List<Neighbour> choose(QueryInfo query, List<Neighbour> candidates, RandomGenerator random) {
            List<Neighbour> all = new java.util.ArrayList<>(candidates);
            all.addAll(candidates);
            return all;
        }
    }

    @Test
    void noRuleCanMakeAServentSendAQueryTwiceOnALink() throws Exception {
        SimTransport sim = SimTransport.withSeed(2);
        Network net = new GnutellaOverlay(Greedy::new).create(
                NetworkSpec.of("c", 11, 2).withTopology(TopologySpec.of("line", 0)), sim);
        SearchResult r = sim.await(net.search(PeerId.of(0), new Query("x", 5)), WAIT);
        assertEquals(5, r.messages());
        assertEquals(0, r.duplicates());
    }
}
