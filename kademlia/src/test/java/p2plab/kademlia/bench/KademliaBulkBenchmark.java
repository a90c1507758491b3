package p2plab.kademlia.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.dht.DhtConfig;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.krpc.KrpcCodec;
import p2plab.kademlia.krpc.KrpcMessage;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.LookupResult;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;

/**
 * N DHT nodes in the simulator whose routing tables are filled directly, without a message,
 * as a network that has been up for a while would have them: for each node and each bucket
 * range (ids sharing exactly b leading bits with its own), k nodes drawn at random from that
 * range, all good; down to the range that holds fewer than k nodes. For networks too large to
 * join one by one in the time at hand (1,000,000 nodes): it gives the heap per node with full
 * tables, and the lookup figures on them. Then L find_node lookups of random ids from random
 * nodes, 1,000 at a time, as {@link KademliaSimBenchmark} runs them.
 *
 * <p>It opens {@link DhtNode}s on the transport itself, without the shell's network around them
 * (which adds its own bookkeeping per peer: {@link KademliaSimBenchmark} measures that one).
 *
 * <pre>BENCH_JVM="-Xmx10g -XX:ActiveProcessorCount=1" bench/run kademlia p2plab.kademlia.bench.KademliaBulkBenchmark 1000000 10000</pre>
 */
public final class KademliaBulkBenchmark {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("kademlia bulk: %,d nodes, %,d lookups; max heap %,d MiB, load average %.1f%n", n, lookups,
                Runtime.getRuntime().maxMemory() >> 20, Measure.load());
        long before = Measure.usedAfterGc();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        DhtConfig config = DhtConfig.defaults().withRefresh(false);
        SimTransport sim = SimTransport.withSeed(1);
        KrpcCodec codec = new KrpcCodec();
        SplittableRandom random = new SplittableRandom(1);
        DhtNode[] dht = new DhtNode[n];
        for (int i = 0; i < n; i++) {
            DhtNode d = new DhtNode(NodeId.random(random), config, BucketPolicies.bep5(), NextHopPolicy.closestFirst());
            Node<KrpcMessage> node = sim.open(NodeConfig.named("p" + i), codec, d);
            d.start(node);
            dht[i] = d;
        }
        fillTables(dht, config.k(), sim.clock().nanos(), random);
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        double buildCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long heap = Measure.usedAfterGc() - before;
        long entries = 0;
        for (DhtNode d : dht) {
            entries += d.table().size();
        }
        System.out.printf("%,d nodes built in %.1f s (CPU %.1f s); %.1f nodes per table; heap after GC %,d MiB = %,d bytes per node%n",
                n, buildSeconds, buildCpu, entries / (double) n, heap >> 20, heap / n);

        RandomLookups.run(sim, lookups, n, () -> {
            DhtNode from = dht[random.nextInt(n)];
            NodeId target = NodeId.random(random);
            CompletableFuture<LookupResult> r = new CompletableFuture<>();
            from.node().execute(() -> from.findNode(target).whenComplete((v, e) -> {
                if (e != null) {
                    r.completeExceptionally(e);
                } else {
                    r.complete(v);
                }
            }));
            return r;
        });
        Reference.reachabilityFence(dht);
    }

    /**
     * Gives every node, for each bucket range down to one holding fewer than k nodes, k nodes
     * drawn from that range, and then every node of the small range left around its own id.
     * With all ids sorted, the ids sharing a prefix with a node are one run of the sorted array.
     */
    private static void fillTables(DhtNode[] dht, int k, long now, SplittableRandom random) {
        Integer[] order = new Integer[dht.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> dht[a].id().compareTo(dht[b].id()));
        NodeId[] sorted = new NodeId[dht.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = dht[order[i]].id();
        }
        for (DhtNode d : dht) {
            NodeId own = d.id();
            for (int b = 0; b < NodeId.BITS; b++) {
                // ids sharing at least b + 1 bits with the own id, and those sharing exactly b
                int[] near = range(sorted, own, b + 1, false);
                int[] exact = range(sorted, own, b, true);
                int size = exact[1] - exact[0];
                int[] picked = new int[Math.min(k, size)];
                for (int i = 0; i < picked.length; i++) {
                    int at;
                    do { // k different nodes of the range
                        at = size <= k ? exact[0] + i : exact[0] + random.nextInt(size);
                    } while (contains(picked, i, at));
                    picked[i] = at;
                    add(d, dht[order[at]], now);
                }
                if (near[1] - near[0] <= k + 1) { // the own id's neighbourhood: all of it
                    for (int at = near[0]; at < near[1]; at++) {
                        add(d, dht[order[at]], now);
                    }
                    break;
                }
            }
        }
    }

    private static boolean contains(int[] a, int length, int v) {
        for (int i = 0; i < length; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private static void add(DhtNode to, DhtNode other, long now) {
        if (other != to) {
            to.table().seen(other.contact(), true, now);
        }
    }

    /**
     * The run of sorted ids that share the own id's first {@code bits} bits, and, with
     * {@code flipNext}, whose next bit differs from the own id's: {start, end}.
     */
    private static int[] range(NodeId[] sorted, NodeId own, int bits, boolean flipNext) {
        byte[] low = own.bytes();
        int prefix = flipNext ? bits + 1 : bits;
        if (flipNext) {
            flip(low, bits);
        }
        byte[] high = low.clone();
        for (int i = prefix; i < NodeId.BITS; i++) {
            setBit(low, i, false);
            setBit(high, i, true);
        }
        return new int[] {lowerBound(sorted, NodeId.of(low)), lowerBound(sorted, NodeId.of(high), true)};
    }

    private static int lowerBound(NodeId[] sorted, NodeId key) {
        return lowerBound(sorted, key, false);
    }

    /** The first index whose id is not below {@code key} (with {@code after}: above it). */
    private static int lowerBound(NodeId[] sorted, NodeId key, boolean after) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = sorted[mid].compareTo(key);
            if (c < 0 || (after && c == 0)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void flip(byte[] b, int i) {
        b[i >> 3] ^= (byte) (0x80 >> (i & 7));
    }

    private static void setBit(byte[] b, int i, boolean on) {
        if (on) {
            b[i >> 3] |= (byte) (0x80 >> (i & 7));
        } else {
            b[i >> 3] &= (byte) ~(0x80 >> (i & 7));
        }
    }
}
