package p2plab.labs.assignment.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.Address;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.DhtView;
import p2plab.kademlia.KademliaOverlay;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.Lookup;
import p2plab.kademlia.lookup.LookupResult;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;
import p2plab.labs.experiment.ProtocolErrors;
import p2plab.labs.grading.Graded;
import p2plab.labs.grading.Subject;
import p2plab.labs.grading.Visibility;

/** Lab 7: the Kademlia lookup step (pick, merge, stop). 20 points. */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class KademliaLabTests {

    private static NextHopPolicy policy() {
        return Subject.get(NextHopPolicy.class);
    }

    /** A contact whose id is {@code hex} repeated to 40 digits (e.g. "8" is 8888...). */
    private static Contact contact(String firstByte, int port) {
        return new Contact(NodeId.ofHex(firstByte + "00".repeat(19)), new Address("127.0.0.1", port));
    }

    private static final NodeId ZERO = NodeId.ofHex("00".repeat(20));

    private static List<String> firstBytes(List<Contact> cs) {
        return cs.stream().map(c -> c.id().hex().substring(0, 2)).toList();
    }

    @Test
    @DisplayName("7.1 picks the closest unqueried contacts, no more than the free slots")
    @Graded(points = 3)
    void picksTheClosest() {
        NextHopPolicy p = policy();
        List<Contact> unqueried = List.of(contact("10", 1), contact("20", 2), contact("40", 3), contact("80", 4));
        SplittableRandom r = new SplittableRandom(7);
        assertEquals(List.of("10", "20", "40"), firstBytes(p.choose(ZERO, unqueried, 3, r)), "3 slots: the 3 closest");
        assertEquals(List.of("10"), firstBytes(p.choose(ZERO, unqueried, 1, r)), "1 slot: the closest");
        assertEquals(List.of("10", "20", "40", "80"), firstBytes(p.choose(ZERO, unqueried, 8, r)),
                "8 slots but 4 contacts: all 4");
        assertEquals(List.of(), p.choose(ZERO, List.of(), 3, r), "nobody left to ask: nobody");
    }

    @Test
    @DisplayName("7.2 merges the contacts of an answer not known yet, each once, closest first")
    @Graded(points = 2)
    void mergesTheNewContacts() {
        NextHopPolicy p = policy();
        List<Contact> known = List.of(contact("10", 1), contact("20", 2), contact("80", 4));
        List<Contact> answer = List.of(contact("40", 3), contact("10", 1), contact("08", 5), contact("40", 3), contact("04", 6));
        assertEquals(List.of("04", "08", "40"), firstBytes(p.merge(ZERO, known, answer)),
                "04, 08 and 40 are new (40 listed twice); 10 is known");
        assertEquals(List.of(), p.merge(ZERO, known, List.of(contact("80", 4), contact("20", 2))), "nothing new");
        assertEquals(List.of("20"), firstBytes(p.merge(ZERO, List.of(), List.of(contact("20", 2)))), "the first answer");
    }

    @Test
    @DisplayName("7.3 stops when the k closest live candidates have answered, and not before")
    @Graded(points = 2)
    void stopRule() {
        NextHopPolicy p = policy();
        NextHopPolicy.Progress a = NextHopPolicy.Progress.ANSWERED;
        NextHopPolicy.Progress f = NextHopPolicy.Progress.IN_FLIGHT;
        NextHopPolicy.Progress u = NextHopPolicy.Progress.UNQUERIED;
        assertTrue(p.done(List.of(a, a, u, f), 2), "the 2 closest answered: over, whatever is farther");
        assertFalse(p.done(List.of(a, f, a), 2), "the second closest is still in flight");
        assertFalse(p.done(List.of(u, a, a), 2), "the closest has not been asked yet");
        assertFalse(p.done(List.of(a, a, u), 3), "k = 3: the third is still to ask");
        assertTrue(p.done(List.of(a, a), 3), "fewer live candidates than k, all answered: over");
        assertTrue(p.done(List.of(), 8), "no live candidate at all: over");
    }

    @Test
    @DisplayName("7.4 a lookup on fixed ids asks 10 and 20, then 04, then 08, and never the far 40 and 80")
    @Graded(points = 3)
    void lookupStepByStep() {
        // target 00..., k = 2, alpha = 2; the start contacts are 10, 20, 40 and 80 (XOR distance = the id)
        Lookup l = new Lookup(ZERO, 2, 2, policy(),
                List.of(contact("80", 4), contact("40", 3), contact("20", 2), contact("10", 1)));
        SplittableRandom r = new SplittableRandom(7);
        List<Contact> first = l.next(r);
        assertEquals(List.of("10", "20"), firstBytes(first), "round 1: the two closest start contacts");
        l.answered(first.get(0), List.of(contact("08", 5), contact("04", 6)), List.of(), null);
        List<Contact> second = l.next(r);
        assertEquals(List.of("04"), firstBytes(second), "one slot free: the closest contact the answer brought");
        l.answered(first.get(1), List.of(), List.of(), null);
        List<Contact> third = l.next(r);
        assertEquals(List.of("08"), firstBytes(third), "then the next closest");
        l.answered(second.get(0), List.of(), List.of(), null);
        l.answered(third.get(0), List.of(), List.of(), null);
        assertTrue(l.done(), "the 2 closest (04, 08) have answered: done");
        LookupResult res = l.result();
        assertEquals(List.of("04", "08"), firstBytes(res.closest()));
        assertEquals(4, res.queries(), "40 and 80 are never asked");
        assertEquals(2, res.rounds());
    }

    /** Outcome of lookups of random ids from random peers on a seeded network. */
    private record Run(int lookups, int exact, double meanRounds, double meanQueries) {
    }

    /**
     * Builds {@code peers} Kademlia nodes using the policy, then looks up {@code lookups} random
     * ids; a lookup is exact when it returns precisely the k closest nodes of the whole network.
     */
    private static Run network(int peers, Map<String, String> options, int lookups, long seed) throws Exception {
        try (SimTransport sim = new SimTransport(SimConfig.seeded(seed));
             Network net = new KademliaOverlay(BucketPolicies.bep5(), policy())
                     .create(NetworkSpec.of("lab7", peers, seed).withOptions(options), sim)) {
            DhtView view = (DhtView) net;
            sim.advance(Duration.ofSeconds(5));
            List<NodeId> ids = new ArrayList<>();
            for (PeerId p : net.peers()) {
                ids.add(view.dht(p).id());
            }
            int k = view.dht(net.peers().get(0)).config().k();
            SplittableRandom random = new SplittableRandom(seed);
            int exact = 0;
            long rounds = 0;
            long queries = 0;
            for (int i = 0; i < lookups; i++) {
                NodeId target = NodeId.random(random);
                PeerId from = net.peers().get(random.nextInt(peers));
                NodeId own = view.dht(from).id();
                LookupResult r = ProtocolErrors.await(sim, view.lookup(from, target, false, null), Duration.ofMinutes(1), "lab 7");
                List<NodeId> expected = ids.stream().filter(id -> !id.equals(own)).sorted(target::closer).limit(k).toList();
                if (r.closest().stream().map(Contact::id).toList().equals(expected)) {
                    exact++;
                }
                rounds += r.rounds();
                queries += r.queries();
            }
            ProtocolErrors.requireNone(sim, "lab 7");
            return new Run(lookups, exact, (double) rounds / lookups, (double) queries / lookups);
        }
    }

    @Test
    @DisplayName("7.5 on 64 seeded nodes every lookup returns exactly the 8 closest nodes")
    @Graded(points = 3)
    void exactOnASmallNetwork() throws Exception {
        Run r = network(64, Map.of(), 20, 71);
        assertEquals(r.lookups(), r.exact(), r.toString());
    }

    @Test
    @DisplayName("7.6 on 1,000 nodes every lookup is exact, in at most log2(1,000) rounds and 24 queries on average")
    @Graded(points = 5)
    void hopsOnAThousandNodes() throws Exception {
        Run r = network(1_000, Map.of(), 20, 72);
        assertEquals(r.lookups(), r.exact(), r.toString());
        assertTrue(r.meanRounds() <= Math.log(1_000) / Math.log(2), "mean rounds: " + r);
        // Kademlia's rule needs about 14 queries per lookup here; detours cost far more
        assertTrue(r.meanQueries() <= 3 * 8, "mean queries per lookup: " + r);
    }

    @Test
    @DisplayName("7.7 one query in flight (alpha = 1), k = 4, 300 nodes: exact, and no detours")
    @Graded(points = 2, visibility = Visibility.HIDDEN)
    void oneAtATime() throws Exception {
        Run r = network(300, Map.of("alpha", "1", "k", "4"), 20, 75);
        assertEquals(r.lookups(), r.exact(), r.toString());
        assertTrue(r.meanRounds() <= Math.log(300) / Math.log(2), "mean rounds: " + r);
        // asking the closest first, a lookup needs about 5 queries here; detours cost many more
        assertTrue(r.meanQueries() <= 2 * 4, "mean queries per lookup: " + r);
    }
}
