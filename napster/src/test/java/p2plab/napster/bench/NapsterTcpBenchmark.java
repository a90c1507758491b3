package p2plab.napster.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.napster.NapsterNetwork;
import p2plab.napster.NapsterOverlay;

/**
 * The index server over TCP on loopback: P logged-in peers share F files in total, then the
 * peers search as fast as the server answers, with C searches in flight at all times (closed
 * loop). Latency is from the search request to its end marker, as each peer saw it. It also
 * prints the CPU the JVM used per search and each event loop's share of a core, because on a
 * shared machine the rate alone says more about the other processes than about this code.
 *
 * <p>Args: peers (1000), shared files (100000), result cap (100), in flight (256), seconds (10).
 */
public final class NapsterTcpBenchmark {

    public static void main(String[] args) throws Exception {
        SearchWorkload w = SearchWorkload.fromArgs(args);
        int peers = w.peers();
        int cap = w.cap();
        int inFlight = w.inFlight();
        int seconds = w.seconds();
        List<Query> queries = w.queries().stream().map(Query::of).toList();

        try (TcpTransport tcp = new TcpTransport()) {
            NapsterNetwork net = (NapsterNetwork) new NapsterOverlay().create(NetworkSpec.of("bench", peers, 1)
                    .withOptions(Map.of("maxResults", Integer.toString(cap))), tcp);
            long t0 = System.nanoTime();
            for (int p = 0; p < peers; p++) {
                for (int rank : w.placement()[p]) {
                    net.share(PeerId.of(p + 1), w.catalogue().entry(rank).content());
                }
            }
            while (net.serverLoad().indexedFiles() < w.shares() || net.serverLoad().connectedPeers() < peers) {
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) {
                    throw new IllegalStateException("not built after 120 s: " + net.serverLoad());
                }
                Thread.sleep(50);
            }
            System.out.printf("%,d peers logged in, %,d files indexed over TCP in %.1f s%n", peers, w.shares(),
                    (System.nanoTime() - t0) / 1e9);

            // Warm-up, then the measured run.
            run(net, queries, peers, inFlight, 3, new ConcurrentHistogram(3_600_000_000L, 3), new AtomicLong());
            Histogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
            AtomicLong hits = new AtomicLong();
            long received0 = net.serverLoad().messagesReceived();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            Map<String, Long> loops0 = loopCpu();
            long done = run(net, queries, peers, inFlight, seconds, latency, hits);
            long cpuNanos = os.getProcessCpuTime() - cpu0;
            Map<String, Long> loops1 = loopCpu();
            var load = net.serverLoad();
            System.out.printf("cap %d, %d in flight: %,d searches in %d s = %,.0f searches/s; latency p50 %.2f ms, "
                            + "p99 %.2f ms, max %.2f ms; %.1f hits per search; server received %,.0f messages/s%n",
                    cap, inFlight, done, seconds, done / (double) seconds, latency.getValueAtPercentile(50) / 1e6,
                    latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6, hits.get() / (double) done,
                    (load.messagesReceived() - received0) / (double) seconds);
            // Searches/s follows the share of the machine the other processes leave us; CPU per
            // search much less so (it includes draining the last searches, and GC and JIT threads).
            // On 2 cores the ceiling is 2 s of CPU per second divided by it.
            System.out.printf("JVM CPU %.2f cores over the run (incl. GC, JIT), %.0f us CPU per search; load average %.2f%n",
                    cpuNanos / (seconds * 1e9), cpuNanos / 1e3 / Math.max(1, done), os.getSystemLoadAverage());
            // The server's node is the first one opened, so it lives on the first loop.
            StringBuilder perLoop = new StringBuilder("event loops (CPU cores):");
            loops1.forEach((name, nanos) -> perLoop.append(String.format(" %s %.2f", name,
                    (nanos - loops0.getOrDefault(name, 0L)) / (seconds * 1e9))));
            System.out.println(perLoop);
            net.close();
        }
    }

    /** CPU nanoseconds used so far by each TCP event-loop thread, by thread name. */
    private static Map<String, Long> loopCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new java.util.TreeMap<>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("p2plab-tcp")) {
                cpu.put(t.getThreadName(), threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return cpu;
    }

    /** Keeps {@code inFlight} searches running for {@code seconds}; returns how many completed. */
    private static long run(NapsterNetwork net, List<Query> queries, int peers, int inFlight, int seconds,
                            Histogram latency, AtomicLong hits) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong completed = new AtomicLong();
        CountDownLatch drained = new CountDownLatch(inFlight);
        for (int i = 0; i < inFlight; i++) {
            next(net, queries, peers, stop, completed, latency, hits, drained);
        }
        Thread.sleep(seconds * 1000L);
        long count = completed.get();
        stop.set(true);
        drained.await(30, TimeUnit.SECONDS);
        return count;
    }

    private static void next(NapsterNetwork net, List<Query> queries, int peers, AtomicBoolean stop, AtomicLong completed,
                             Histogram latency, AtomicLong hits, CountDownLatch drained) {
        if (stop.get()) {
            drained.countDown();
            return;
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Query q = queries.get(r.nextInt(queries.size()));
        long start = System.nanoTime();
        net.search(PeerId.of(1 + r.nextInt(peers)), q).whenComplete((result, error) -> {
            if (error != null) {
                System.err.println("search failed: " + error.getMessage());
                drained.countDown();
                return;
            }
            if (!stop.get()) {
                latency.recordValue(System.nanoTime() - start);
                hits.addAndGet(result.hits().size());
                completed.incrementAndGet();
            }
            next(net, queries, peers, stop, completed, latency, hits, drained);
        });
    }

}
