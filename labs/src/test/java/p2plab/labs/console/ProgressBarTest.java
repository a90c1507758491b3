package p2plab.labs.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void halfWayShowsPercentRateSourcesAndEta() {
        // 512 KiB of 1 MiB in 2 s: 256 KiB/s, 2 s to go.
        String line = ProgressBar.line(512 * 1024, 1024 * 1024, 3, 2.0);
        assertTrue(line.startsWith("[===============>              ]  50%"), line);
        assertTrue(line.contains("512 KiB of 1 MiB") || line.contains("512.00 KiB of 1.00 MiB"), line);
        assertTrue(line.contains("3 sources"), line);
        assertTrue(line.endsWith("ETA 2.0 s"), line);
    }

    @Test
    void doneHasAFullBarAndNoEta() {
        String line = ProgressBar.line(1000, 1000, 1, 1.0);
        assertTrue(line.startsWith("[" + "=".repeat(30) + "] 100%"), line);
        assertTrue(line.endsWith("1 source"), line);
    }

    @Test
    void nothingYetHasNoRate() {
        String line = ProgressBar.line(0, 1000, 0, 0);
        assertEquals("[>                             ]   0%", line.substring(0, 37));
        assertTrue(line.contains("  -  "), line);
    }
}
