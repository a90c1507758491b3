package p2plab.bittorrent.bench;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import p2plab.bittorrent.tracker.TrackerClient;
import p2plab.bittorrent.tracker.TrackerServer;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * A standalone tracker (real TCP, default interval) receives announces for N distinct info hashes
 * (default 100,000), 32 at a time; prints the heap in use after a full GC before and after, and
 * how many torrents and peers the tracker holds (at most {@link TrackerServer#MAX_TORRENTS}).
 *
 * <p>Args: announces (default 100000).
 */
public final class TrackerMemoryBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (TcpTransport tcp = new TcpTransport()) {
            TrackerServer tracker = TrackerServer.start(tcp, "tracker", 0, TrackerServer.DEFAULT_INTERVAL);
            TrackerClient client = TrackerClient.open(tcp, "announcer", 0);
            long before = heapAfterGc();
            Semaphore inFlight = new Semaphore(32);
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            List<CompletableFuture<?>> last = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                inFlight.acquire();
                byte[] hash = ByteBuffer.allocate(20).putInt(i).putInt(~i).putLong(0x5eed).array();
                byte[] id = String.format("-XX0000-%012d", i).getBytes(StandardCharsets.US_ASCII);
                CompletableFuture<?> f = new CompletableFuture<>();
                client.node().execute(() -> client.announce(tracker.announceUrl(), hash, id, 6881, 0, 0, 100, "started", 0)
                        .whenComplete((r, e) -> {
                            if (e != null) {
                                (String.valueOf(e.getMessage()).contains("full") ? refused : failed).incrementAndGet();
                            }
                            inFlight.release();
                            f.complete(null);
                        }));
                if (i >= n - 32) {
                    last.add(f);
                }
            }
            CompletableFuture.allOf(last.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            inFlight.acquire(32);
            double seconds = (System.nanoTime() - t0) / 1e9;
            CompletableFuture<long[]> held = new CompletableFuture<>();
            tracker.node().execute(() -> held.complete(new long[] {tracker.torrentCount(), tracker.totalPeers()}));
            long[] h = held.get(10, TimeUnit.SECONDS);
            long after = heapAfterGc();
            System.out.printf("%d announces in %.1f s (%.0f/s): %d refused as full, %d failed otherwise%n", n, seconds, n / seconds,
                    refused.get(), failed.get());
            System.out.printf("tracker holds %d torrents, %d peers%n", h[0], h[1]);
            System.out.printf("heap in use after GC: %.1f MiB before, %.1f MiB after (+%.1f MiB)%n", before / 1048576.0,
                    after / 1048576.0, (after - before) / 1048576.0);
            tracker.close();
            Thread.sleep(Duration.ofMillis(200).toMillis());
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
