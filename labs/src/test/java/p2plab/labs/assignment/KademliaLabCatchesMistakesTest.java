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

/**
 * Lab 7 catches the typical mistakes: asking far nodes first, or anyone at random, stays exact
 * (the stop rule) but costs too many queries; a merge that adds known contacts again breaks the
 * lookup; a stop rule that ends at the first answer from the closest is not exact.
 */
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

    /** Kademlia's pick, for the mistakes in the merge and the stop rule. */
    abstract static class KademliasPick implements NextHopPolicy {
        @Override
        public List<Contact> choose(NodeId target, List<Contact> unqueried, int slots, RandomGenerator random) {
            return NextHopPolicy.closestFirst().choose(target, unqueried, slots, random);
        }
    }

    /** Kademlia's pick, but a merge that adds the whole answer, known contacts included. */
    static final class MergesEverything extends KademliasPick {
        @Override
        public List<Contact> merge(NodeId target, List<Contact> known, List<Contact> answer) {
            return answer;
        }
    }

    /** Kademlia's pick, but it stops as soon as the closest candidate has answered. */
    static final class StopsEarly extends KademliasPick {
        @Override
        public boolean done(List<Progress> closestFirst, int k) {
            return closestFirst.isEmpty() || closestFirst.get(0) == Progress.ANSWERED;
        }
    }

    @Test
    void askingTheFarthestFirstFails() {
        assertEquals(Set.of("7.1", "7.4", "7.6", "7.7"), failed(FarthestFirst::new));
    }

    @Test
    void askingAnyoneAtRandomFails() {
        assertEquals(Set.of("7.1", "7.4", "7.6", "7.7"), failed(AtRandom::new));
    }

    @Test
    void mergingKnownContactsAgainFails() {
        assertEquals(Set.of("7.2", "7.5", "7.6", "7.7"), failed(MergesEverything::new));
    }

    @Test
    void stoppingAtTheFirstAnswerFails() {
        assertEquals(Set.of("7.3", "7.5", "7.6", "7.7"), failed(StopsEarly::new));
    }
}
