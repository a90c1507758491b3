package p2plab.common.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import p2plab.common.metrics.Counts;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.TestFormat;
import p2plab.common.transport.TestFormat.TestMessage;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * Many real TCP peers in one JVM: opens N nodes (each a listening socket), connects every node
 * to a few others (i+1, i+7, i+31 mod N), sends pings on every link and waits for every pong,
 * then reports the heap in use after a GC with all of them still open.
 *
 * <pre>
 *   BENCH_JVM=-Xmx1g bench/run common p2plab.common.bench.TcpManyPeersBenchmark [peers=1000] [pingsPerLink=10]
 * </pre>
 */
public final class TcpManyPeersBenchmark {
    private static final int[] OFFSETS = {1, 7, 31};
    private static final int MIB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int pings = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.printf("TcpManyPeersBenchmark: %d peers, %d links, %d pings per link, %d cores, max heap %d MiB%n",
                peers, peers * OFFSETS.length, pings, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / MIB);
        long expectedPongs = (long) peers * OFFSETS.length * pings;
        AtomicLong pongs = new AtomicLong();
        CompletableFuture<Void> allPongs = new CompletableFuture<>();

        try (TcpTransport transport = new TcpTransport(TcpOptions.defaults())) {
            TestFormat format = new TestFormat();
            long t0 = System.nanoTime();
            List<Node<TestMessage>> nodes = new ArrayList<>();
            for (int i = 0; i < peers; i++) {
                nodes.add(transport.open(NodeConfig.named("p" + i), format, new Pinger(pongs, expectedPongs, allPongs)));
            }
            long t1 = System.nanoTime();

            List<CompletableFuture<Link<TestMessage>>> connects = new ArrayList<>();
            for (int i = 0; i < peers; i++) {
                for (int offset : OFFSETS) {
                    connects.add(nodes.get(i).connect(nodes.get((i + offset) % peers).address()));
                }
            }
            transport.await(CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new)), Duration.ofMinutes(2));
            long t2 = System.nanoTime();

            for (CompletableFuture<Link<TestMessage>> c : connects) {
                Link<TestMessage> link = c.join();
                link.local().execute(() -> {
                    for (int k = 0; k < pings; k++) {
                        link.send(TestMessage.of("ping", link.local().label() + ":" + k));
                    }
                });
            }
            transport.await(allPongs, Duration.ofMinutes(2));
            long t3 = System.nanoTime();

            long heapMiB = heapAfterGc() / MIB;
            int openLinks = nodes.stream().mapToInt(n -> n.links().size()).sum();
            Counts total = transport.metrics().snapshot().total();
            System.out.printf("opened %d nodes in %.2f s; %d connections in %.2f s; %d pings + %d pongs in %.2f s%n",
                    peers, (t1 - t0) / 1e9, connects.size(), (t2 - t1) / 1e9, expectedPongs, pongs.get(), (t3 - t2) / 1e9);
            System.out.printf("link ends open: %d (expected %d); messages sent %d, received %d, dropped %d, rejected %d%n",
                    openLinks, 2 * connects.size(), total.messagesSent(), total.messagesReceived(), total.dropped(), total.rejected());
            System.out.printf("heap used after GC with every peer open: %d MiB%n", heapMiB);
            boolean ok = pongs.get() == expectedPongs && openLinks == 2 * connects.size()
                    && total.messagesSent() == 2 * expectedPongs && total.messagesReceived() == 2 * expectedPongs;
            System.out.println(ok ? "all succeeded" : "SOMETHING FAILED");
            long t4 = System.nanoTime();
            transport.close();
            System.out.printf("closed the transport in %.2f s%n", (System.nanoTime() - t4) / 1e9);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Answers pings with pongs and counts pongs for the whole benchmark. */
    private record Pinger(AtomicLong pongs, long expected, CompletableFuture<Void> all) implements PeerHandler<TestMessage> {
        @Override
        public void onMessage(Link<TestMessage> link, TestMessage message) {
            if (message.type().equals("ping")) {
                link.send(new TestMessage("pong", message.payload()));
            } else if (pongs.incrementAndGet() == expected) {
                all.complete(null);
            }
        }
    }
}
