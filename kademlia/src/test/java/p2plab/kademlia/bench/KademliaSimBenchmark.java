package p2plab.kademlia.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import p2plab.common.metrics.Counts;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.KademliaNetwork;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;

/**
 * N nodes joined one by one in the simulator (each: find_node to a known node, a lookup of its
 * own id, a refresh of its far buckets that are still empty), then L find_node lookups of
 * random ids from random nodes, in batches of 1,000 at once. Prints the join and lookup times
 * (wall, and CPU of the simulating thread, which a shared machine disturbs less), the messages
 * by type, the heap in use after a full GC (per node), and the median and p99 of rounds and
 * messages per lookup. With {@code -Dhisto=N} it also prints the top N lines of its own heap
 * histogram ({@code jcmd PID GC.class_histogram}) with the network built.
 *
 * <pre>BENCH_JVM="-Xmx2g -XX:ActiveProcessorCount=1" bench/run kademlia p2plab.kademlia.bench.KademliaSimBenchmark 100000 10000</pre>
 */
public final class KademliaSimBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int histo = Integer.getInteger("histo", 0);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("kademlia sim: %,d nodes, %,d lookups; %d cores, max heap %,d MiB, load average %.1f%n", n, lookups,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, Measure.load());
        long before = Measure.usedAfterGc();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        SimTransport sim = SimTransport.withSeed(1);
        KademliaNetwork net = KademliaNetwork.start(NetworkSpec.of("bench", n, 1).withOptions(Map.of("refresh", "off", "build", "join")), sim,
                BucketPolicies.bep5(), NextHopPolicy.closestFirst());
        double joinSeconds = (System.nanoTime() - start) / 1e9;
        double joinCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long joinMessages = sim.metrics().snapshot().total().messagesSent();
        long heap = Measure.usedAfterGc() - before;
        System.out.printf("%,d nodes joined in %.1f s (CPU %.1f s, load average %.1f; %.1f h of virtual time); %,d messages,"
                        + " %.0f per join; heap after GC %,d MiB = %,d bytes per node%n",
                n, joinSeconds, joinCpu, Measure.load(), sim.clock().nanos() / 3.6e12, joinMessages, joinMessages / (double) n,
                heap >> 20, heap / n);
        for (Map.Entry<String, Counts> e : sim.metrics().snapshot().byType().entrySet()) {
            System.out.printf("  %-24s %,14d sent (%.1f per join)%n", e.getKey(), e.getValue().messagesSent(),
                    e.getValue().messagesSent() / (double) n);
        }
        if (histo > 0) {
            printHistogram(histo);
        }

        SplittableRandom random = new SplittableRandom(2);
        double lookupSeconds = RandomLookups.run(sim, lookups, n,
                () -> net.lookup(PeerId.of(random.nextInt(n)), NodeId.random(random), false, null));
        System.out.printf("total %.1f s; events run %,d%n", joinSeconds + lookupSeconds, sim.eventsRun());
    }

    /** The top lines of this JVM's own class histogram (live objects, after a full GC), from jcmd. */
    private static void printHistogram(int lines) throws IOException, InterruptedException {
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        Process p = new ProcessBuilder(jcmd, Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        List<String> out = new String(p.getInputStream().readAllBytes()).lines().toList();
        p.waitFor();
        out.stream().limit(lines + 3L).forEach(l -> System.out.println("  " + l));
    }
}
