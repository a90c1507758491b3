package p2plab.gnutella.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.gnutella.message.Guid;

class ForwardingRulesTest {
    private final SplittableRandom random = new SplittableRandom(4);
    private final List<Neighbour> six = new ArrayList<>();

    ForwardingRulesTest() {
        for (int i = 0; i < 6; i++) {
            Address a = new Address("127.0.0." + (i + 1), 6346);
            six.add(new Neighbour() {
                @Override public Address address() { return a; }
                @Override public long hitsReturned() { return 0; }
            });
        }
    }

    private QueryInfo query(boolean originated) {
        return new QueryInfo(Guid.random(random), "x", 5, originated ? 0 : 2, originated);
    }

    @Test
    void floodingSendsToEveryCandidate() {
        assertSame(six, new Flooding().choose(query(false), six, random));
        assertEquals(List.of(7), new Flooding().rounds(7));
    }

    @Test
    void randomWalkStartsKWalkersThenEachTakesOneStep() {
        RandomWalk rule = new RandomWalk(4);
        List<Neighbour> start = rule.choose(query(true), six, random);
        assertEquals(4, start.size());
        assertEquals(4, new HashSet<>(start).size(), "distinct walkers");
        assertTrue(six.containsAll(start));
        assertEquals(1, rule.choose(query(false), six, random).size());
        assertEquals(2, rule.choose(query(true), six.subList(0, 2), random).size(), "fewer neighbours than walkers");
        assertThrows(IllegalArgumentException.class, () -> new RandomWalk(0));
    }

    @Test
    void expandingRingGrowsByTwoUpToTheTtl() {
        assertEquals(List.of(1, 3, 5, 7), new ExpandingRing().rounds(7));
        assertEquals(List.of(1, 3, 4), new ExpandingRing().rounds(4));
        assertEquals(List.of(1), new ExpandingRing().rounds(1));
    }

    @Test
    void rulesAreNamedAsTheUserTypesThem() {
        assertTrue(ForwardingRules.named("flooding", 4).get() instanceof Flooding);
        assertTrue(ForwardingRules.named("expanding-ring", 4).get() instanceof ExpandingRing);
        assertEquals(3, ((RandomWalk) ForwardingRules.named("random-walk", 3).get()).walkers());
        assertThrows(IllegalArgumentException.class, () -> ForwardingRules.named("gossip", 1));
    }
}
