package p2plab.labs.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import p2plab.labs.grading.Assignments;
import p2plab.labs.grading.GradeReport;
import p2plab.labs.grading.Grader;
import p2plab.labs.grading.LabAssignment;
import p2plab.labs.grading.SourceTree;
import p2plab.labs.grading.StudentBuild;
import p2plab.labs.grading.StudentCompiler;

/** The untouched stubs in student/ compile, load, and score 0 on every lab. */
class StubsScoreZeroTest {
    static final Path STUDENT = SourceTree.find(Path.of("")).orElseThrow().resolve("student");

    @ParameterizedTest
    @ValueSource(strings = {"napster", "gnutella", "kazaa", "picker", "choker", "distribution", "kademlia", "streaming"})
    void stubsCompileAndScoreZero(String id) {
        LabAssignment lab = Assignments.load().require(id);
        StudentBuild build = new StudentCompiler(STUDENT).build(lab);
        StudentBuild.Ready ready = assertInstanceOf(StudentBuild.Ready.class, build, () -> build.toString());
        GradeReport r = Grader.grade(lab, "student", ready.factory());
        assertEquals(0, r.score(), () -> r.tests().stream().filter(t -> t.passed()).map(t -> t.name()).toList().toString());
        assertTrue(r.maxScore() > 0);
    }
}
