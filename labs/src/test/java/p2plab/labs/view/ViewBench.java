package p2plab.labs.view;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The measuring behind {@code ViewFloodBenchmark}, here because it drives package-private test helpers. */
public final class ViewBench {
    private ViewBench() {
    }

    public static Map<String, Object> flood(int peers, Path dir) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        try (LiveShell shell = new LiveShell(); HeadlessChromium browser = new HeadlessChromium(dir.resolve("profile"))) {
            shell.run("network create gnutella --peers " + peers + " --degree 4 --seed 7; share --catalogue 2000");
            r.put("shell figures without the page", java.util.Arrays.toString(LiveShell.searchFigures(shell.run("search 0 marble --ttl 5"))));
            browser.open(LiveShell.url(shell.run("view --no-open")));
            browser.await("return window.p2pView ? window.p2pView.nodes().length : -1", n -> ((Number) n).intValue() == peers,
                    Duration.ofSeconds(30), peers + " nodes");
            long t0 = System.nanoTime();
            long[] withPage = LiveShell.searchFigures(shell.run("search 0 marble --ttl 5"));
            r.put("shell figures with the page", java.util.Arrays.toString(withPage));
            long fpsSum = 0;
            int samples = 0;
            double fpsMin = Double.MAX_VALUE;
            while (!Boolean.TRUE.equals(browser.js("return window.p2pView.idle()")) || samples < 3) {
                Thread.sleep(1000);
                double fps = ((Number) HeadlessChromium.map(browser.js("return window.p2pView.stats()")).get("fps")).doubleValue();
                fpsSum += Math.round(fps);
                fpsMin = Math.min(fpsMin, fps);
                samples++;
            }
            r.put("seconds until the page played the flood", (System.nanoTime() - t0) / 1e9);
            r.put("page figures", browser.js("return JSON.stringify(window.p2pView.figures())"));
            r.put("fps mean / min over " + samples + " s", fpsSum / samples + " / " + Math.round(fpsMin));
            r.put("page stats", browser.js("return JSON.stringify(window.p2pView.stats())"));
        }
        return r;
    }
}
