package p2plab.labs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.common.metrics.Json;
import picocli.CommandLine;

/** {@code p2plab grade}: exit code 0 whatever the score, a score table, and results.json. */
class GradeCommandTest {
    static final Path STUDENT = SourceTree.find(Path.of("")).orElseThrow().resolve("student");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int grade(String... args) {
        CommandLine cl = new CommandLine(new GradeCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void theStubsScoreZeroAndTheExitCodeIsStillZero(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results.json");
        assertEquals(0, grade("picker", "--student-dir", STUDENT.toString(), "--results", results.toString()), err.toString());
        JsonNode root = Json.mapper().readTree(results.toFile());
        assertEquals(0.0, root.get("score").asDouble());
        assertEquals(23.0, root.get("max_score").asDouble());
        assertTrue(out.toString().contains("score 0 of 23"), out.toString());
        assertTrue(out.toString().contains("4.4 rarest first once we hold 4 pieces"), "the score table lists the tests:\n" + out);
    }

    @Test
    void aFolderAsResultsIsRefusedBeforeAnyTestRuns(@TempDir Path dir) {
        assertEquals(1, grade("picker", "--student-dir", STUDENT.toString(), "--results", dir.toString()));
        assertEquals("error: --results " + dir + " is a folder; give a file name, e.g. " + dir.resolve("results.json"),
                err.toString().strip());
        assertEquals("", out.toString(), "nothing was compiled or graded");
    }

    @Test
    void theReferenceScoresFullMarksByNumberToo(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("r.json");
        assertEquals(0, grade("6", "--impl", "reference", "--results", results.toString()));
        JsonNode root = Json.mapper().readTree(results.toFile());
        assertEquals(root.get("max_score").asDouble(), root.get("score").asDouble());
    }

    @Test
    void aCompileErrorIsOneLineOnScreenAndZeroPoints(@TempDir Path dir) throws Exception {
        Path student = dir.resolve("student");
        Files.createDirectories(student.resolve("choker"));
        Files.writeString(student.resolve("choker/StudentChoker.java"), "package choker;\npublic class StudentChoker {\n  int x = ;\n}\n");
        Path results = dir.resolve("results.json");
        assertEquals(0, grade("choker", "--student-dir", student.toString(), "--results", results.toString()));
        assertTrue(err.toString().startsWith("error: your choker code does not compile"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
        JsonNode root = Json.mapper().readTree(results.toFile());
        assertEquals(0.0, root.get("score").asDouble());
        assertTrue(root.get("tests").get(0).get("output").asText().contains("StudentChoker.java:3: error"),
                root.get("tests").get(0).get("output").asText());
    }

    /**
     * In the shell, grading runs in a JVM of its own: a student's endless loop, cut off by each
     * test's timeout, must not stay behind spinning in the shell's JVM.
     */
    @Test
    void inTheShellAnEndlessLoopDiesWithItsOwnJvm(@TempDir Path dir) throws Exception {
        Path student = dir.resolve("student");
        Files.createDirectories(student.resolve("choker"));
        Files.writeString(student.resolve("choker/StudentChoker.java"), String.join("\n",
                "package choker;",
                "public class StudentChoker implements p2plab.bittorrent.choke.Choker {",
                "  public java.util.Set<String> unchoke(java.util.List<p2plab.bittorrent.choke.ChokeCandidate> peers, boolean seeding,",
                "      long nowNanos, java.util.random.RandomGenerator random) {",
                "    while (peers.size() == 3) { Thread.onSpinWait(); } // test 5.6 never ends",
                "    return java.util.Set.of();",
                "  }",
                "}", ""));
        Path results = dir.resolve("results.json");
        CommandLine cl = new CommandLine(new GradeCommand(() -> true));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("choker", "--student-dir", student.toString(), "--results", results.toString(), "--timeout", "1");

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("5.6 few interested peers"), out.toString());
        JsonNode root = Json.mapper().readTree(results.toFile());
        boolean timedOut = false;
        for (JsonNode test : root.get("tests")) {
            timedOut |= test.get("name").asText().startsWith("5.6") && test.get("score").asDouble() == 0
                    && test.get("output").asText().contains("timed out");
        }
        assertTrue(timedOut, "5.6 failed on its timeout: " + root);
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : t.getValue()) {
                assertTrue(!frame.getClassName().startsWith("choker."), "student code still runs here, in " + t.getKey().getName());
            }
        }
    }

    @Test
    void aTimeoutBelowOneSecondIsAUsageError() {
        assertEquals(2, grade("choker", "--timeout", "0"));
        assertTrue(err.toString().startsWith("error: --timeout must be at least 1 second"), err.toString());
    }

    @Test
    void anUnknownLabIsAUsageError() {
        assertEquals(2, grade("chord"));
        assertTrue(err.toString().contains("unknown lab 'chord'; choose one of napster, gnutella, kazaa, picker, choker, distribution"),
                err.toString());
    }
}
