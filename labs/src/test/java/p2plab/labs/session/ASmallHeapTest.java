package p2plab.labs.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session in a JVM with a small heap, as on a student's laptop: what cannot fit is refused
 * before it is built, and an {@link OutOfMemoryError} that happens anyway ends only the command,
 * with the same one line, and the next command finds the heap free again.
 */
class ASmallHeapTest {

    @Test
    void whatCannotFitIsRefusedAtOnceWithTheEstimateAndHowToRaiseTheHeap(@TempDir Path dir) throws Exception {
        Session s = Session.run(List.of("-Xmx128m"), "network create gnutella --peers 1000000",
                "compare --peers 100000 --queries 100", "experiment search-cost -p peers=100000 --out " + dir,
                "network create gnutella --peers 50");
        assertEquals(List.of("exit 1", "exit 1", "exit 1", "exit 0"), s.exits(), s.toString());
        assertTrue(s.err().contains("network create gnutella --peers 1000000 needs about "
                + HeapBudget.size(HeapBudget.network("gnutella", 1_000_000)) + " of heap, but "), s.toString());
        assertTrue(s.err().contains("compare --peers 100000 (400000 files) needs about "), s.toString());
        assertTrue(s.err().contains("experiment search-cost needs about "), s.toString());
        assertTrue(s.err().contains(" MiB); start p2plab with more, e.g. P2PLAB_JAVA_OPTS=-Xmx"), s.toString());
        assertFalse(s.err().contains("internal error") || s.err().contains("Exception"), s.toString());
        assertTrue(s.out().contains("created gnutella-1: gnutella, 50 peers"), s.toString());
    }

    @Test
    void anOutOfMemoryErrorEndsTheCommandWithOneLineAndTheSessionGoesOn() throws Exception {
        // The check is switched off so that the build really runs out of heap.
        Session s = Session.run(List.of("-Xmx64m", "-D" + HeapBudget.SWITCH + "=off"),
                "network create gnutella --peers 300000", "network create gnutella --peers 40", "network list");
        assertEquals(List.of("exit 1", "exit 0", "exit 0"), s.exits(), s.toString());
        assertTrue(s.err().contains("out of memory: network create gnutella --peers 300000 needs about "
                + HeapBudget.size(HeapBudget.network("gnutella", 300_000)) + " of heap, but "), s.toString());
        assertTrue(s.err().contains("(what it had built is dropped)"), s.toString());
        assertFalse(s.err().contains("internal error") || s.err().contains("\tat "), s.toString());
        assertTrue(s.out().contains("created gnutella-1: gnutella, 40 peers"), "the name of the failed one is free again: " + s);
    }

    /** What a {@link SessionProbe} in its own JVM printed. */
    record Session(List<String> exits, String out, String err) {
        static Session run(List<String> jvmOptions, String... lines) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SessionProbe.class.getName()));
            cmd.addAll(List.of(lines));
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            var err = p.getErrorStream();
            var errText = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(err.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            });
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the session did not end within 120 s: " + out);
            }
            List<String> exits = out.lines().filter(l -> l.startsWith("exit ")).toList();
            return new Session(exits, out, errText.join());
        }
    }
}
