package p2plab.labs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real browser: every peer drawn, a search typed into the shell animated with the
 * shell's own figures, a killed peer grey, and a recording that replays to the same end state.
 * Screenshots go to {@code <build dir>/view-screenshots}.
 */
class BrowserViewTest {
    static final Path SHOTS = Path.of(System.getProperty("p2plab.screenshots", "target/view-screenshots"));
    static final String FIGURES = "return window.p2pView && window.p2pView.figures()";
    static final String STATE = "return {nodes: window.p2pView.nodes(), figures: window.p2pView.figures(), idle: window.p2pView.idle()}";

    @Test
    void aSearchAndAKillInTheShellShowOnThePageAndTheRecordingReplaysToTheSameState(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("flood.jsonl");
        Map<String, Object> live;
        try (LiveShell shell = new LiveShell(); HeadlessChromium browser = new HeadlessChromium(dir.resolve("profile"))) {
            shell.run("network create gnutella --peers 60 --degree 4 --seed 7; share --catalogue 80");
            browser.open(LiveShell.url(shell.run("view --no-open --record " + recording)));
            browser.await("return window.p2pView ? window.p2pView.nodes().length : -1", n -> ((Number) n).intValue() == 60,
                    Duration.ofSeconds(5), "60 nodes");

            long[] shell1 = LiveShell.searchFigures(shell.run("search 0 marble --ttl 5"));
            long asked = System.nanoTime();
            browser.await("return window.p2pView.arrived().messages", m -> ((Number) m).longValue() == shell1[0],
                    Duration.ofSeconds(1), "the search's " + shell1[0] + " messages");
            long millis = (System.nanoTime() - asked) / 1_000_000;
            assertTrue(millis < 1000, "the search's events reached the page in " + millis + " ms");
            browser.await(FIGURES, f -> f != null && matches(HeadlessChromium.map(f), shell1), Duration.ofSeconds(10),
                    "the animation ending with the shell's figures " + java.util.Arrays.toString(shell1));
            Map<String, Object> f = HeadlessChromium.map(browser.js(FIGURES));
            assertTrue(((Number) f.get("hops")).intValue() >= 1 && ((Number) f.get("hops")).intValue() <= 5, f.toString());
            browser.screenshot(SHOTS.resolve("view-flood.png"));

            shell.run("peer kill 3");
            browser.await("return window.p2pView.nodes().find(n => n.id === 'p3').alive", a -> Boolean.FALSE.equals(a),
                    Duration.ofSeconds(1), "p3 grey");
            browser.await("return window.p2pView.idle()", Boolean.TRUE::equals, Duration.ofSeconds(2), "the queue played out");
            browser.screenshot(SHOTS.resolve("view-killed.png"));
            live = HeadlessChromium.map(browser.js(STATE));
            assertEquals(List.of(), browser.consoleErrors(), "console errors");
        }
        try (LiveShell shell = new LiveShell(); HeadlessChromium browser = new HeadlessChromium(dir.resolve("profile2"))) {
            browser.open(LiveShell.url(shell.run("view --no-open --replay " + recording)));
            browser.js("document.getElementById('speed').value = 8; document.getElementById('speed').dispatchEvent(new Event('input'))");
            Object replayed = browser.await(STATE, s -> Boolean.TRUE.equals(HeadlessChromium.map(s).get("idle"))
                    && live.get("figures").equals(HeadlessChromium.map(s).get("figures")), Duration.ofSeconds(10), "the replay's end");
            assertEquals(live.get("nodes"), HeadlessChromium.map(replayed).get("nodes"));
            assertEquals(List.of(), browser.consoleErrors(), "console errors");
        }
    }

    @Test
    void everyOverlayIsDrawnWithItsRolesAndNoConsoleErrors(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"napster", "network create napster --peers 30 --seed 7; share --catalogue 40", "index_server"},
            {"kazaa", "network create kazaa --peers 80 --seed 7; share --catalogue 80", "supernode"},
            {"bittorrent", "network create bittorrent --peers 12 --seed 7", "tracker"},
        };
        try (LiveShell shell = new LiveShell(); HeadlessChromium browser = new HeadlessChromium(dir.resolve("profile"))) {
            browser.open(LiveShell.url(shell.run("view --no-open")));
            for (String[] c : cases) {
                shell.run(c[1]);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (\\d+) peers").matcher(shell.run("topology"));
                assertTrue(m.find());
                int peers = Integer.parseInt(m.group(1));
                Object roles = browser.await("return window.p2pView.nodes().map(n => n.role)",
                        r -> ((List<?>) r).size() == peers && ((List<?>) r).contains(c[2]), Duration.ofSeconds(3),
                        c[0] + ": " + peers + " nodes with its " + c[2]);
                if (!c[2].equals("supernode")) {
                    assertEquals(1, java.util.Collections.frequency((List<?>) roles, c[2]), c[0] + " has one hub: " + roles);
                }
                Thread.sleep(300);
                browser.screenshot(SHOTS.resolve("view-" + c[0] + ".png"));
            }
            assertEquals(List.of(), browser.consoleErrors(), "console errors");
        }
    }

    private static boolean matches(Map<String, Object> page, long[] shell) {
        return ((Number) page.get("messages")).longValue() == shell[0]
                && ((Number) page.get("duplicates")).longValue() == shell[1]
                && ((Number) page.get("reached")).longValue() == shell[2];
    }
}
