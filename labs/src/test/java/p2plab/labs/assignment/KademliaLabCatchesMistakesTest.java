package p2plab.labs.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.labs.grading.Assignments;
import p2plab.labs.grading.GradeReport;
import p2plab.labs.grading.Grader;
import p2plab.labs.grading.TestOutcome;

/** Lab 7 catches the typical mistakes: asking far nodes first, or anyone at random, stays exact (the stop rule) but costs too many queries. */
class KademliaLabCatchesMistakesTest {

    private static Set<String> failed(Supplier<?> impl) {
        GradeReport r = Grader.grade(Assignments.load().require("kademlia"), "wrong", impl);
        Set<String> numbers = new TreeSet<>();
        for (TestOutcome t : r.tests()) {
            if (!t.passed()) {
                numbers.add(t.name().substring(0, t.name().indexOf(' ')));
            }
        }
        return numbers;
    }

    /** Reads the list the wrong way round: the farthest unqueried first. */
    static final class FarthestFirst implements NextHopPolicy {
        public List<Contact> choose(NodeId target, List<Contact> unqueried, int slots, RandomGenerator random) {
            List<Contact> reversed = new ArrayList<>(unqueried);
            Collections.reverse(reversed);
            return reversed.subList(0, Math.min(slots, reversed.size()));
        }
    }

    /** Any unqueried contacts, at random. */
    static final class AtRandom implements NextHopPolicy {
        public List<Contact> choose(NodeId target, List<Contact> unqueried, int slots, RandomGenerator random) {
            List<Contact> shuffled = new ArrayList<>(unqueried);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                Collections.swap(shuffled, i, random.nextInt(i + 1));
            }
            return shuffled.subList(0, Math.min(slots, shuffled.size()));
        }
    }

    @Test
    void askingTheFarthestFirstFails() {
        assertEquals(Set.of("7.1", "7.2", "7.4", "7.5"), failed(FarthestFirst::new));
    }

    @Test
    void askingAnyoneAtRandomFails() {
        assertEquals(Set.of("7.1", "7.2", "7.4", "7.5"), failed(AtRandom::new));
    }
}
