package p2plab.labs.view.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import p2plab.labs.view.ViewBench;

/**
 * The events per second the view's server can stream to one page (headless chromium): a
 * producer offers events to the hub faster than the server's cap, the page counts what it gets.
 * {@code bench/run labs p2plab.labs.view.bench.ViewStreamBenchmark [SECONDS] [OFFERED_PER_SECOND]}
 */
public final class ViewStreamBenchmark {
    private ViewStreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int offered = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("p2plab-view-stream");
        ViewBench.stream(seconds, offered, dir).forEach((k, v) -> System.out.println(k + ": " + v));
    }
}
