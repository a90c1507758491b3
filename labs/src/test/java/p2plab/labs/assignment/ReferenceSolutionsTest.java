package p2plab.labs.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import p2plab.labs.grading.Assignments;
import p2plab.labs.grading.GradeReport;
import p2plab.labs.grading.Grader;
import p2plab.labs.grading.LabAssignment;
import p2plab.labs.grading.TestOutcome;

/** Every lab's reference solution earns every point. */
class ReferenceSolutionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"napster", "gnutella", "kazaa", "picker", "choker", "distribution", "kademlia", "streaming"})
    void referenceScoresFullMarks(String id) {
        LabAssignment lab = Assignments.load().require(id);
        GradeReport r = Grader.grade(lab, "reference", lab.reference());
        String failures = r.tests().stream().filter(t -> !t.passed()).map(t -> t.name() + ": " + t.output())
                .collect(Collectors.joining("\n"));
        assertEquals(r.maxScore(), r.score(), failures);
        assertTrue(r.maxScore() >= 20, "each lab is worth at least 20 points, got " + r.maxScore());
        assertTrue(r.tests().stream().anyMatch(t -> t.visibility() == p2plab.labs.grading.Visibility.HIDDEN), "each lab has a hidden test");
        assertTrue(r.tests().stream().allMatch(TestOutcome::passed));
    }
}
