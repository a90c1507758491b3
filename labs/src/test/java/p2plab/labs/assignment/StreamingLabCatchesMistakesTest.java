package p2plab.labs.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import p2plab.labs.assignment.streaming.reference.ReferenceRescuePolicy;
import p2plab.labs.grading.Assignments;
import p2plab.labs.grading.GradeReport;
import p2plab.labs.grading.Grader;
import p2plab.labs.grading.TestOutcome;
import p2plab.streaming.policy.RescuePolicy;

/** Lab 8 catches the two typical mistakes: each loses the tests of the rule it breaks. */
class StreamingLabCatchesMistakesTest {

    private static Set<String> failed(Supplier<?> impl) {
        GradeReport r = Grader.grade(Assignments.load().require("streaming"), "wrong", impl);
        Set<String> numbers = new TreeSet<>();
        for (TestOutcome t : r.tests()) {
            if (!t.passed()) {
                numbers.add(t.name().substring(0, t.name().indexOf(' ')));
            }
        }
        return numbers;
    }

    /** Spotify's prefetch, but a peer is never left, however long it stays silent. */
    static final class NeverLeave implements RescuePolicy {
        private final ReferenceRescuePolicy reference = new ReferenceRescuePolicy();

        public Prefetch prefetch(NextTrack next) {
            return reference.prefetch(next);
        }

        public boolean leavePeer(double silentSeconds, double bufferedSeconds) {
            return false;
        }
    }

    /** Spotify's fallback, but the next track is never prefetched. */
    static final class NoPrefetch implements RescuePolicy {
        private final ReferenceRescuePolicy reference = new ReferenceRescuePolicy();

        public Prefetch prefetch(NextTrack next) {
            return Prefetch.WAIT;
        }

        public boolean leavePeer(double silentSeconds, double bufferedSeconds) {
            return reference.leavePeer(silentSeconds, bufferedSeconds);
        }
    }

    @Test
    void aPolicyThatNeverLeavesAPeerStuttersBehindSlowPeers() {
        assertEquals(Set.of("8.2", "8.3"), failed(NeverLeave::new));
    }

    @Test
    void aPolicyThatNeverPrefetchesLosesThePrefetchTestsAndSendsTooMuchFromTheServer() {
        assertEquals(Set.of("8.1", "8.5", "8.6"), failed(NoPrefetch::new));
    }

    @Test
    void theReferenceLosesNothing() {
        assertEquals(Set.of(), failed(ReferenceRescuePolicy::new));
    }
}
