package p2plab.common.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.TestFormat;
import p2plab.common.transport.TestFormat.TestMessage;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * Bulk throughput between two peers over loopback TCP in one JVM, no rate limit.
 *
 * <p>The sender keeps a window of large "data" frames in flight and sends one more for every
 * "ack" the receiver returns (flow control at the protocol level, as BitTorrent's request
 * pipeline does), so nothing piles up in memory however fast either side is. One warm-up run,
 * then several measured runs; the median is reported.
 *
 * <pre>
 *   bench/run common p2plab.common.bench.TcpBulkBenchmark [frameKiB=256] [runMiB=2048] [runs=5] [window=16]
 * </pre>
 */
public final class TcpBulkBenchmark {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int frameKiB = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int runMiB = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int window = args.length > 3 ? Integer.parseInt(args[3]) : 16;

        int payload = frameKiB * KIB - TestFormat.frameSize(0);
        long frames = (long) runMiB * MIB / (frameKiB * KIB);
        long bytesPerRun = frames * frameKiB * KIB;
        System.out.printf("TcpBulkBenchmark: %d KiB frames, %d MiB per run, window %d, %d cores, max heap %d MiB%n",
                frameKiB, runMiB, window, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / MIB);

        List<Double> rates = new ArrayList<>();
        try (TcpTransport transport = new TcpTransport(TcpOptions.defaults().withIoThreads(2))) {
            TestFormat format = new TestFormat(payload + 1);
            Receiver receiver = new Receiver();
            Sender sender = new Sender(new byte[payload]);
            Node<TestMessage> a = transport.open(NodeConfig.named("sender"), format, sender);
            Node<TestMessage> b = transport.open(NodeConfig.named("receiver"), format, receiver);
            Link<TestMessage> link = transport.await(a.connect(b.address()), Duration.ofSeconds(10));

            for (int run = 0; run <= runs; run++) {
                CompletableFuture<Long> done = receiver.expect(frames);
                long start = System.nanoTime();
                a.execute(() -> sender.start(link, frames, window));
                long end = transport.await(done, Duration.ofMinutes(5));
                double gibPerSec = bytesPerRun / ((end - start) / 1e9) / (1024.0 * MIB);
                System.out.printf("  %s: %.2f GiB/s (%.0f MiB in %.2f s)%n", run == 0 ? "warm-up" : "run " + run,
                        gibPerSec, bytesPerRun / (double) MIB, (end - start) / 1e9);
                if (run > 0) {
                    rates.add(gibPerSec);
                }
            }
        }
        Collections.sort(rates);
        System.out.printf("median: %.2f GiB/s over %d runs (min %.2f, max %.2f)%n",
                rates.get(rates.size() / 2), rates.size(), rates.get(0), rates.get(rates.size() - 1));
    }

    /** Keeps {@code window} frames in flight: one new frame per ack. Runs on the sender's loop. */
    private static final class Sender implements PeerHandler<TestMessage> {
        private final byte[] payload;
        private long toSend;

        Sender(byte[] payload) {
            this.payload = payload;
        }

        void start(Link<TestMessage> link, long frames, int window) {
            toSend = frames;
            for (int i = 0; i < window && toSend > 0; i++, toSend--) {
                link.send(new TestMessage("data", payload));
            }
        }

        @Override
        public void onMessage(Link<TestMessage> link, TestMessage ack) {
            if (toSend > 0) {
                toSend--;
                link.send(new TestMessage("data", payload));
            }
        }
    }

    /** Acks every frame and notes when the expected number arrived. Runs on the receiver's loop. */
    private static final class Receiver implements PeerHandler<TestMessage> {
        private static final TestMessage ACK = new TestMessage("ack", new byte[0]);
        private volatile CompletableFuture<Long> done;
        private volatile long expected;
        private long count;

        CompletableFuture<Long> expect(long frames) {
            count = 0;
            expected = frames;
            done = new CompletableFuture<>();
            return done;
        }

        @Override
        public void onMessage(Link<TestMessage> link, TestMessage message) {
            link.send(ACK);
            if (++count == expected) {
                done.complete(System.nanoTime());
            }
        }
    }
}
