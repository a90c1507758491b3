package p2plab.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's goal for Kademlia: at most 8 KB of heap per node with its routing table, at 20,000
 * nodes joined one by one. Measured after a full GC in a JVM of its own (serial GC, so the
 * figure is exact), not in the test JVM, where other tests' garbage would make it flaky.
 */
class HeapPerNodeTest {
    private static final int NODES = 20_000;
    private static final long GOAL_BYTES = 8 * 1024;

    @Test
    void twentyThousandNodesHoldAtMostEightKilobytesEach() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HeapPerNodeProbe.class.getName(), Integer.toString(NODES)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the probe did not finish: " + out);
        assertEquals(0, p.exitValue(), out);

        System.out.print(out);
        Matcher m = Pattern.compile("nodes=(\\d+) bytesPerNode=(\\d+) tableNodes=([\\d.]+)").matcher(out);
        assertTrue(m.find(), "no figures in the probe's output: " + out);
        long perNode = Long.parseLong(m.group(2));
        double tableNodes = Double.parseDouble(m.group(3));
        // the tables are real: k = 8 nodes in most of the about log2(N / k) buckets
        assertTrue(tableNodes >= 8 * (Math.log(NODES / 8.0) / Math.log(2)) * 0.75, "tables too small to be joined ones: " + out);
        assertTrue(perNode >= 500, "a node cannot cost less than its table: " + out);
        assertTrue(perNode <= GOAL_BYTES, "heap per node " + perNode + " B is over the goal of " + GOAL_BYTES + " B: " + out);
    }
}
