package p2plab.labs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kademlia network on the page: every node on the ID circle at the angle of its id, and a
 * search typed into the shell drawn as a lookup path from the asker, with the shell's message count.
 */
class KademliaViewTest {

    @Test
    void aKademliaNetworkIsDrawnOnTheIdCircleAndASearchAnimates(@TempDir Path dir) throws Exception {
        try (LiveShell shell = new LiveShell(); HeadlessChromium browser = new HeadlessChromium(dir.resolve("profile"))) {
            shell.run("network create kademlia --peers 40 --seed 7; share --catalogue 40");
            Matcher m = Pattern.compile(": (\\d+) peers").matcher(shell.run("topology"));
            assertTrue(m.find());
            int peers = Integer.parseInt(m.group(1));
            browser.open(LiveShell.url(shell.run("view --no-open")));
            Object positions = browser.await("return window.p2pView.positions()", p -> ((List<?>) p).size() == peers,
                    Duration.ofSeconds(5), peers + " nodes");
            // On the circle, and in the order of their ids clockwise from the top.
            List<Map<String, Object>> nodes = ((List<?>) positions).stream().map(HeadlessChromium::map).toList();
            for (Map<String, Object> n : nodes) {
                double x = ((Number) n.get("x")).doubleValue(), y = ((Number) n.get("y")).doubleValue();
                assertEquals(0.9, Math.hypot(x, y), 1e-9, n.toString());
                double turn = (Math.atan2(y, x) + Math.PI / 2 + 2 * Math.PI) % (2 * Math.PI) / (2 * Math.PI);
                double id = Long.parseLong((String) n.get("nodeId"), 16) / Math.pow(2, 32);
                assertEquals(id, turn, 1e-6, "angle of " + n);
            }

            long[] figures = LiveShell.searchFigures(shell.run("search 3 marble"));
            Object lookup = browser.await("return window.p2pView.idle() && window.p2pView.lookup()",
                    l -> l instanceof Map<?, ?> map && "p3".equals(map.get("origin"))
                            && ((Number) map.get("messages")).longValue() == figures[0],
                    Duration.ofSeconds(5), "the lookup from p3 with the shell's " + figures[0] + " messages");
            List<?> queried = (List<?>) HeadlessChromium.map(lookup).get("queried");
            assertTrue(queried.size() >= 3 && !queried.contains("p3"), "the lookup's path: " + queried);
            browser.screenshot(BrowserViewTest.SHOTS.resolve("view-kademlia.png"));
            assertEquals(List.of(), browser.consoleErrors(), "console errors");
        }
    }
}
