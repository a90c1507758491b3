package p2plab.gnutella.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import p2plab.common.metrics.Counts;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.sim.SimTransport;
import p2plab.gnutella.GnutellaOverlay;

/**
 * How long each phase of building a large simulated Gnutella network takes (the phases
 * {@code network create} shows), the heap it holds once built, and one TTL-7 search on it.
 *
 * <pre>BENCH_JVM=-Xmx10g bench/run gnutella p2plab.gnutella.bench.BuildPhasesBenchmark 1000000</pre>
 */
public final class BuildPhasesBenchmark {

    public static void main(String[] args) throws Exception {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long t0 = System.nanoTime();
        String[] last = {""};
        SimTransport sim = SimTransport.withSeed(1);
        Network net = new GnutellaOverlay().create(new NetworkSpec("g", peers, null, 1, PeerSpec.UNLIMITED, Map.of()), sim,
                (phase, done, total) -> {
                    if (!phase.equals(last[0])) {
                        last[0] = phase;
                        System.out.printf(Locale.ROOT, "%.2f s (%s): %s%n", (System.nanoTime() - t0) / 1e9, cpuAndGc(), phase);
                    }
                });
        System.out.printf(Locale.ROOT, "%.2f s (%s): built%n", (System.nanoTime() - t0) / 1e9, cpuAndGc());
        System.gc();
        Runtime r = Runtime.getRuntime();
        Counts handshakes = sim.metrics().snapshot().byType().get("gnutella/Handshake");
        System.out.printf(Locale.ROOT, "heap in use after GC %d MiB, %,d events, %,d handshake messages (%,d bytes)%n",
                (r.totalMemory() - r.freeMemory()) >> 20, sim.eventsRun(), handshakes.messagesSent(), handshakes.bytesSent());
        long t1 = System.nanoTime();
        SearchResult res = sim.await(net.search(PeerId.of(0), new Query("nothing", 7)), Duration.ofMinutes(5));
        System.out.printf(Locale.ROOT, "one TTL-7 search: %,d messages, %,d peers reached, %.2f s%n",
                res.messages(), res.peersReached(), (System.nanoTime() - t1) / 1e9);
    }

    /**
     * CPU time of the whole JVM and of the calling thread, and the collector's pauses so far: on
     * a shared machine wall time follows the load, CPU time much less so.
     */
    private static String cpuAndGc() {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long gc = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, b.getCollectionTime());
        }
        long main = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); // the thread that builds and simulates
        return String.format(Locale.ROOT, "CPU %.1f s, of it the building thread %.1f s; GC pauses %.1f s", cpu / 1e9, main / 1e9, gc / 1e3);
    }
}
