package p2plab.labs.view.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import p2plab.labs.view.ViewBench;

/**
 * A 1,000-peer Gnutella network, a search at TTL 5, the page open in headless chromium: frames
 * per second while the flood animates, how far the batches lagged, and the shell's figures with
 * the page open. {@code bench/run labs p2plab.labs.view.bench.ViewFloodBenchmark [PEERS]}
 */
public final class ViewFloodBenchmark {
    private ViewFloodBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("p2plab-view-bench");
        Map<String, Object> r = ViewBench.flood(peers, dir);
        r.forEach((k, v) -> System.out.println(k + ": " + v));
    }
}
