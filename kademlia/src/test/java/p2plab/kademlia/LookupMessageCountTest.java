package p2plab.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import p2plab.common.metrics.Counts;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.LookupResult;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;

/**
 * On a small fixed network, the messages of a lookup follow from the routing tables alone: this
 * test replays the lookup on paper, from the tables as they are, and checks the real one sent
 * exactly those queries and got exactly those answers, as the transport counted them.
 */
class LookupMessageCountTest {
    private static final Duration WAIT = Duration.ofMinutes(1);

    @Test
    void withOneQueryInFlightTheCountsAreThoseOfTheLookupReplayedOnTheTables() throws TimeoutException {
        try (SimTransport sim = SimTransport.withSeed(5)) {
            KademliaNetwork net = network(sim, 1);
            for (int target = 0; target < 5; target++) {
                NodeId key = NodeId.sha1("key-" + target);
                PeerId from = PeerId.of(3 + target);
                Paper expected = replay(net, from, key);
                Traffic before = querier(sim, from);

                LookupResult r = sim.await(net.lookup(from, key, false, null), WAIT);
                sim.runUntilIdle(Duration.ofSeconds(5));

                assertEquals(expected.queries, r.queries(), "queries for key " + target);
                assertEquals(expected.queries, r.answers(), "every live node answers");
                assertEquals(expected.rounds, r.rounds(), "rounds for key " + target);
                assertEquals(expected.closest, r.closest(), "closest for key " + target);
                Traffic after = querier(sim, from);
                assertEquals(expected.queries, after.findNodes - before.findNodes, "find_node sent, counted by the transport");
                assertEquals(expected.queries, after.answersToFindNode() - before.answersToFindNode(),
                        "answers received, counted by the transport");
            }
        }
    }

    @Test
    void withThreeInFlightEveryQuerySentIsAnsweredAndCounted() throws TimeoutException {
        try (SimTransport sim = SimTransport.withSeed(6)) {
            KademliaNetwork net = network(sim, 3);
            PeerId from = PeerId.of(7);
            Traffic before = querier(sim, from);

            LookupResult r = sim.await(net.lookup(from, NodeId.sha1("anything"), false, null), WAIT);
            sim.runUntilIdle(Duration.ofSeconds(5));   // answers still on the way when it stopped arrive

            Traffic after = querier(sim, from);
            assertEquals(r.queries(), after.findNodes - before.findNodes);
            assertEquals(r.queries(), after.answersToFindNode() - before.answersToFindNode());
            assertTrue(r.answers() <= r.queries() && r.answers() >= 4);
        }
    }

    private static KademliaNetwork network(SimTransport sim, int alpha) {
        KademliaNetwork net = KademliaNetwork.start(NetworkSpec.of("small", 24, 9)
                .withOptions(Map.of("k", "4", "alpha", Integer.toString(alpha), "refresh", "off")), sim,
                BucketPolicies.bep5(), NextHopPolicy.closestFirst());
        sim.runUntilIdle(Duration.ofMinutes(1)); // quiet: every query of the joins answered
        return net;
    }

    /**
     * What the querier sent and received so far: find_node queries, pings and responses. A
     * lookup's answers put nodes into the querier's table, and a full bucket may make it ping a
     * questionable node; on this quiet network every ping is answered, so the responses to its
     * find_node queries are the responses less its pings.
     */
    private record Traffic(long findNodes, long pings, long responses) {
        long answersToFindNode() {
            return responses - pings;
        }
    }

    private static Traffic querier(SimTransport sim, PeerId p) {
        Map<String, Counts> byType = sim.metrics().peer(p.label());
        Counts none = Counts.ZERO;
        return new Traffic(byType.getOrDefault("kademlia/find_node", none).messagesSent(),
                byType.getOrDefault("kademlia/ping", none).messagesSent(),
                byType.getOrDefault("kademlia/response", none).messagesReceived());
    }

    private record Paper(int queries, int rounds, List<Contact> closest) { }

    /** The lookup with one query in flight, worked out from the routing tables. */
    private static Paper replay(KademliaNetwork net, PeerId from, NodeId target) {
        int k = net.config().k();
        NodeId self = net.dht(from).id();
        List<Contact> shortlist = new ArrayList<>(net.dht(from).table().closest(target, k));
        Map<NodeId, Integer> depth = new HashMap<>();
        shortlist.forEach(c -> depth.put(c.id(), 1));
        Set<NodeId> answered = new HashSet<>();
        int queries = 0;
        int rounds = 0;
        while (true) {
            shortlist.sort((a, b) -> target.closer(a.id(), b.id()));
            List<Contact> closestK = shortlist.subList(0, Math.min(k, shortlist.size()));
            if (closestK.stream().allMatch(c -> answered.contains(c.id()))) {
                return new Paper(queries, rounds, List.copyOf(closestK));
            }
            Contact next = shortlist.stream().filter(c -> !answered.contains(c.id())).findFirst().orElseThrow();
            queries++;
            rounds = Math.max(rounds, depth.get(next.id()));
            answered.add(next.id());
            for (Contact c : net.dht(net.peerAt(next.address())).table().closest(target, k)) {
                if (!c.id().equals(self) && !depth.containsKey(c.id())) {
                    depth.put(c.id(), depth.get(next.id()) + 1);
                    shortlist.add(c);
                }
            }
        }
    }
}
