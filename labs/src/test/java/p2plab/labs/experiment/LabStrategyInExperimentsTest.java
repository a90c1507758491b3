package p2plab.labs.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.labs.experiment.registry.Experiments;

/**
 * {@code -p impl=reference|student} runs an experiment with a lab's strategy swapped into the
 * overlay: lab 2's reference rule (an expanding ring) gives its own figures, not the built-in
 * flooding's, and the untouched student stub is actually called (and fails, being a stub).
 */
class LabStrategyInExperimentsTest {
    private static final Map<String, String> SMALL = Map.of("variants", "gnutella-flooding", "peers", "60", "ttl", "1..3",
            "queries", "10", "files", "40");

    private static ExperimentReport run(String impl) throws Exception {
        Experiment e = Experiments.named("search-cost");
        Map<String, String> given = new java.util.HashMap<>(SMALL);
        given.put("impl", impl);
        return e.run(new Parameters(e.defaults(), given), 4);
    }

    @Test
    void theSwappedInRuleIsWhatRuns() throws Exception {
        ExperimentReport builtIn = run("default");
        ExperimentReport reference = run("reference");
        assertNotEquals(builtIn.table().toCsv(), reference.table().toCsv());
        double[] sent = reference.table().column("query_messages_per_query");
        double[] bound = reference.table().column("flooding_bound");
        double[] flooded = builtIn.table().column("query_messages_per_query");
        for (int i = 0; i < sent.length; i++) {
            assertTrue(sent[i] <= bound[i] && sent[i] <= flooded[i], "row " + i + ": " + reference.table().toCsv());
        }
        assertEquals(builtIn.table().column("success")[2], reference.table().column("success")[2], 1e-9,
                "at TTL 3 the ring finds what flooding finds");
    }

    @Test
    void theStudentStubIsWhatRuns() {
        Exception e = assertThrows(Exception.class, () -> run("student"));
        String chain = e.toString() + (e.getCause() == null ? "" : " / " + e.getCause());
        assertTrue(chain.contains("TODO") || chain.contains("UnsupportedOperation"), chain);
    }
}
