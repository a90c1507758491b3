package p2plab.labs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BitTorrent swarm download typed into the shell, on the page: one bar per peer with its
 * pieces, the piece-availability strip, and at the end every leecher full and every piece held
 * by every peer.
 */
class SwarmViewTest {

    @Test
    void aSwarmDownloadShowsItsBarsAndStripEndingWithEveryLeecherFull(@TempDir Path dir) throws Exception {
        byte[] content = new byte[256 * 1024];
        new Random(7).nextBytes(content);
        Files.write(dir.resolve("demo.bin"), content);
        int pieces = content.length / 16384;
        try (LiveShell shell = new LiveShell(); HeadlessChromium browser = new HeadlessChromium(dir.resolve("profile"))) {
            shell.run("network create bittorrent --peers 9 --upload 200kB/s --seed 2 -o piece-length=16384; share 1 " + dir.resolve("demo.bin"));
            browser.open(LiveShell.url(shell.run("view --no-open")));
            // Before: the seed's bar is full, the strip shows each piece held once.
            Object before = browser.await("return window.p2pView.swarm()", s -> availability(s).size() == pieces
                    && availability(s).stream().allMatch(c -> c == 1), Duration.ofSeconds(3), "a strip of " + pieces + " pieces, each held once");
            assertEquals(9, peers(before).size(), "one bar per peer but the tracker: " + peers(before));

            String out = shell.run("download 2..9 demo.bin");
            assertTrue(out.contains("8 of 8 peers downloaded 'demo.bin'"), out);
            Object after = browser.await("return window.p2pView.swarm()", s -> availability(s).stream().allMatch(c -> c == 9)
                    && peers(s).stream().allMatch(p -> ((Number) p.get("have")).intValue() == pieces),
                    Duration.ofSeconds(3), "every leecher full, every piece held by all 9 peers (the seed and 8 leechers)");
            for (Map<String, Object> p : peers(after)) {
                assertEquals(pieces, ((Number) p.get("total")).intValue(), p.toString());
            }
            assertTrue(peers(after).stream().filter(p -> Boolean.TRUE.equals(p.get("seed"))).count() == 9,
                    "every peer a seed once complete: " + peers(after));
            Thread.sleep(300);
            browser.screenshot(BrowserViewTest.SHOTS.resolve("view-swarm.png"));
            assertEquals(List.of(), browser.consoleErrors(), "console errors");
        }
    }

    /** Over TCP at a limited upload rate the download takes long enough to catch it half done: partial bars, an uneven strip. */
    @Test
    void aSwarmHalfDoneShowsPartialBarsAndAnUnevenStrip(@TempDir Path dir) throws Exception {
        byte[] content = new byte[512 * 1024];
        new Random(8).nextBytes(content);
        Files.write(dir.resolve("demo.bin"), content);
        int pieces = content.length / 16384;
        try (LiveShell shell = new LiveShell(); HeadlessChromium browser = new HeadlessChromium(dir.resolve("profile"))) {
            shell.run("network create bittorrent --transport tcp --peers 7 --upload 200kB/s --seed 3 -o piece-length=16384; share 1 "
                    + dir.resolve("demo.bin"));
            browser.open(LiveShell.url(shell.run("view --no-open")));
            browser.await("return window.p2pView.swarm()", s -> availability(s).size() == pieces, Duration.ofSeconds(5), "the strip");
            java.util.concurrent.CompletableFuture<String> download =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> shell.run("download 2..7 demo.bin"));
            browser.await("return window.p2pView.swarm()", s -> peers(s).stream().anyMatch(p -> {
                int have = ((Number) p.get("have")).intValue();
                return have > 0 && have < pieces;
            }) && availability(s).stream().distinct().count() > 1, Duration.ofSeconds(20), "a leecher half done, the strip uneven");
            browser.screenshot(BrowserViewTest.SHOTS.resolve("view-swarm-midway.png"));
            String out = download.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(out.contains("6 of 6 peers downloaded 'demo.bin'"), out);
            browser.await("return window.p2pView.swarm()", s -> availability(s).stream().allMatch(c -> c == 7), Duration.ofSeconds(5),
                    "every piece held by all 7 peers");
            assertEquals(List.of(), browser.consoleErrors(), "console errors");
        }
    }

    private static List<Integer> availability(Object swarm) {
        return ((List<?>) HeadlessChromium.map(swarm).get("availability")).stream().map(c -> ((Number) c).intValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> peers(Object swarm) {
        return (List<Map<String, Object>>) HeadlessChromium.map(swarm).get("peers");
    }
}
