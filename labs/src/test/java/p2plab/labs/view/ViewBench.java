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
            // The page lays the graph out once, when it arrives; let the fps window that holds the
            // layout close, so the samples below are of the flood's animation, which is what is measured.
            Thread.sleep(1500);
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

    /**
     * The events per second the server streams to one page: a producer offers {@code offered}
     * traced events a second to the hub (as a flooding network's transport would), the page in
     * headless chromium counts what it receives; the first {@code warmup} seconds are not counted.
     */
    public static Map<String, Object> stream(int seconds, int offered, Path dir) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        try (ViewServer server = ViewServer.live("127.0.0.1", 0, () -> null, null);
             HeadlessChromium browser = new HeadlessChromium(dir.resolve("profile"))) {
            browser.open(server.url());
            browser.await("return window.p2pView && window.p2pView.stats().batches >= 0", Boolean.TRUE::equals,
                    Duration.ofSeconds(10), "the page");
            Thread producer = new Thread(() -> {
                ViewEvent sent = ViewEvent.sent("p0", "gnutella/Query", "bench");
                ViewEvent delivered = ViewEvent.delivered("p1", "gnutella/Query", "bench");
                long next = System.nanoTime();
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 0; i < offered / 200; i++) {
                        server.hub().offer(sent);
                        server.hub().offer(delivered);
                    }
                    next += 10_000_000L;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                }
            }, "offer");
            producer.start();
            Thread.sleep(2000); // warm-up: the JIT, the page's first frames
            Map<String, Object> a = HeadlessChromium.map(browser.js("return window.p2pView.stats()"));
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            Map<String, Object> b = HeadlessChromium.map(browser.js("return window.p2pView.stats()"));
            double took = (System.nanoTime() - t0) / 1e9;
            producer.interrupt();
            producer.join();
            long received = ((Number) b.get("received")).longValue() - ((Number) a.get("received")).longValue();
            r.put("offered events/s", offered);
            r.put("received by the page events/s", Math.round(received / took));
            r.put("batches/s", Math.round((((Number) b.get("batches")).longValue() - ((Number) a.get("batches")).longValue()) / took));
            r.put("max batch lag ms", b.get("maxLagMs"));
            r.put("batches over 1 s late", b.get("lagOver1s"));
            r.put("shed by the hub", server.hub().shed());
            r.put("page fps at the end", Math.round(((Number) b.get("fps")).doubleValue()));
        }
        return r;
    }
}
