package p2plab.labs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed peer's links are drawn breaking (red, fading) and then are gone, rather than vanishing at once. */
class BrokenLinksViewTest {

    @Test
    void aKilledPeersLinksBreakThenFade(@TempDir Path dir) throws Exception {
        try (LiveShell shell = new LiveShell(); HeadlessChromium browser = new HeadlessChromium(dir.resolve("profile"))) {
            shell.run("network create gnutella --peers 30 --degree 4 --seed 7");
            browser.open(LiveShell.url(shell.run("view --no-open")));
            browser.await("return window.p2pView.nodes().length", n -> ((Number) n).intValue() == 30, Duration.ofSeconds(5), "30 nodes");
            List<String> mine = ((List<?>) browser.js("return window.p2pView.links()")).stream().map(String.class::cast)
                    .filter(l -> List.of(l.split("-")).contains("p3")).toList();
            assertFalse(mine.isEmpty(), "p3 has links");

            shell.run("peer kill 3");
            browser.await("return window.p2pView.broken()", b -> ((List<?>) b).containsAll(mine), Duration.ofSeconds(2),
                    "p3's links " + mine + " broken");
            browser.await("return window.p2pView.breaking()", n -> ((Number) n).intValue() >= mine.size(), Duration.ofSeconds(1),
                    "p3's links drawn breaking");
            browser.screenshot(BrowserViewTest.SHOTS.resolve("view-breaking.png"));
            browser.await("return window.p2pView.breaking()", n -> ((Number) n).intValue() == 0, Duration.ofSeconds(4), "the fade over");
            List<?> links = (List<?>) browser.js("return window.p2pView.links()");
            for (String l : mine) {
                assertFalse(links.contains(l), l + " gone after the fade");
            }
            assertEquals(List.of(), browser.consoleErrors(), "console errors");
        }
    }
}
