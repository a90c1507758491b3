package p2plab.labs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's speed control paces a simulated network, as `network speed` does: moving the slider
 * to 4x makes the shell's network run at 4x, and back to 1x. (Over TCP it only animates.)
 */
class SpeedControlViewTest {

    @Test
    void theSpeedControlSetsTheSimulationsPace(@TempDir Path dir) throws Exception {
        try (LiveShell shell = new LiveShell(); HeadlessChromium browser = new HeadlessChromium(dir.resolve("profile"))) {
            shell.run("network create gnutella --peers 20 --seed 3");
            browser.open(LiveShell.url(shell.run("view --no-open")));
            browser.await("return window.p2pView.nodes().length", n -> ((Number) n).intValue() == 20, Duration.ofSeconds(5), "20 nodes");
            assertEquals(1.0, shell.lab().current().speed());

            browser.js("const s = document.getElementById('speed'); s.value = '4'; s.dispatchEvent(new Event('input'));");
            awaitSpeed(shell, 4.0);
            assertEquals("4×", browser.js("return document.getElementById('speedValue').textContent"));

            browser.js("const s = document.getElementById('speed'); s.value = '1'; s.dispatchEvent(new Event('input'));");
            awaitSpeed(shell, 1.0);
            assertEquals(java.util.List.of(), browser.consoleErrors(), "console errors");
        }
    }

    private static void awaitSpeed(LiveShell shell, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (shell.lab().current().speed() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling the condition
        }
        assertEquals(expected, shell.lab().current().speed(), "the network's pace after the page set it");
    }
}
