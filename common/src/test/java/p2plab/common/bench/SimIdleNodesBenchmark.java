package p2plab.common.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import p2plab.common.transport.Link;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimTransport;

/**
 * Heap taken by idle simulated nodes: opens N nodes (default 1,000,000), each with its metrics
 * counters and address, then reports the heap in use after a full GC. Run with the heap cap
 * under test, e.g. {@code BENCH_JVM=-Xmx2g}.
 *
 * <pre>BENCH_JVM=-Xmx2g bench/run common p2plab.common.bench.SimIdleNodesBenchmark 1000000</pre>
 */
public final class SimIdleNodesBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long start = System.nanoTime();
        SimTransport sim = SimTransport.withSeed(1);
        Token.Format format = new Token.Format();
        PeerHandler<Token> idle = (Link<Token> link, Token m) -> { };
        for (int i = 0; i < n; i++) {
            sim.open(NodeConfig.named("p" + i), format, idle);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long used = usedAfterGc(memory) - before;
        System.out.printf("%,d idle nodes opened in %.1f s; heap in use after GC: %,d MiB (%d bytes per node); max heap %,d MiB%n",
                sim.nodeCount(), seconds, used >> 20, used / n, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private SimIdleNodesBenchmark() {
    }
}
