package p2plab.labs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.common.metrics.Json;

/** The grader on a fixture lab: points, statuses, failure output, timeouts and results.json. */
class GraderTest {
    static final LabAssignment FIXTURE = new LabAssignment("fixture", 0, "Fixture lab",
            "p2plab.labs.grading.FixtureLab", Doubler.class.getName(), "fixture.StudentDoubler", "no.such.Reference");

    @Test
    void aCorrectImplementationEarnsEveryPoint() {
        GradeReport r = Grader.grade(FIXTURE, "test", () -> (Doubler) x -> 2 * x);
        assertEquals(6, r.score());
        assertEquals(6, r.maxScore());
        assertEquals(3, r.tests().size(), "the ungraded test is not in the report");
        assertTrue(r.tests().stream().allMatch(TestOutcome::passed));
    }

    @Test
    void aFailedAssertionCostsItsPointsAndExplainsWhyInOneLine() {
        GradeReport r = Grader.grade(FIXTURE, "test", () -> (Doubler) x -> x < 0 ? x : 2 * x);
        assertEquals(3, r.score());
        TestOutcome negatives = find(r, "doubles negatives");
        assertFalse(negatives.passed());
        assertEquals(0, negatives.score());
        assertTrue(negatives.output().contains("twice(-4)") && negatives.output().contains("-8"), negatives.output());
        assertFalse(negatives.output().contains("\tat "), "no stack trace: " + negatives.output());
    }

    @Test
    void anExceptionNamesItsTypeAndMessage() {
        GradeReport r = Grader.grade(FIXTURE, "test", () -> (Doubler) x -> {
            throw new UnsupportedOperationException("TODO: twice");
        });
        assertEquals(0, r.score());
        assertTrue(find(r, "doubles 21").output().startsWith("UnsupportedOperationException: TODO: twice"), find(r, "doubles 21").output());
    }

    @Test
    void anEndlessLoopCostsThatTestOnlyAndDoesNotHangTheRun() {
        long start = System.nanoTime();
        GradeReport r = Grader.grade(FIXTURE, "test", () -> (Doubler) x -> {
            if (x == 0) {
                long spin = 0;
                while (spin >= 0) { // busy, ignores interrupts
                    spin = (spin + 1) & 0xFFFF;
                }
            }
            return 2 * x;
        });
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "the grader moved on after the timeout");
        assertEquals(5, r.score());
        TestOutcome loop = find(r, "finishes in time");
        assertFalse(loop.passed());
        assertTrue(loop.output().contains("timed out"), loop.output());
    }

    @Test
    void aBrokenConstructorFailsEveryTestWithoutCrashing() {
        GradeReport r = Grader.grade(FIXTURE, "test", () -> {
            throw new IllegalStateException("boom");
        });
        assertEquals(0, r.score());
        assertEquals(6, r.maxScore());
    }

    @Test
    void zeroListsEveryGradedTestWithTheReason() {
        GradeReport r = Grader.zero(FIXTURE, "student", "Foo.java:3: error: ';' expected");
        assertEquals(0, r.score());
        assertEquals(6, r.maxScore());
        assertTrue(r.tests().stream().allMatch(t -> t.output().contains("';' expected")));
    }

    @Test
    void resultsJsonHasExactlyGradescopesFields(@TempDir Path dir) throws Exception {
        GradeReport r = Grader.grade(FIXTURE, "test", () -> (Doubler) x -> x < 0 ? x : 2 * x);
        Path file = dir.resolve("out/results.json");
        r.writeResults(file);
        JsonNode root = Json.mapper().readTree(file.toFile());
        assertEquals(Set.of("score", "max_score", "tests"), fields(root));
        assertEquals(3.0, root.get("score").asDouble());
        assertEquals(6.0, root.get("max_score").asDouble());
        assertEquals(3, root.get("tests").size());
        Set<String> visibilities = new java.util.HashSet<>();
        for (JsonNode t : root.get("tests")) {
            assertEquals(Set.of("name", "score", "max_score", "status", "output", "visibility"), fields(t));
            assertTrue(Set.of("passed", "failed").contains(t.get("status").asText()));
            assertTrue(t.get("score").isNumber() && t.get("max_score").isNumber());
            visibilities.add(t.get("visibility").asText());
        }
        assertEquals(Set.of("visible", "hidden", "after_due_date"), visibilities);
    }

    private static Set<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }

    static TestOutcome find(GradeReport r, String name) {
        return r.tests().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no test " + name));
    }
}
