package p2plab.kademlia.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.dht.DhtConfig;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.KrpcCodec;
import p2plab.kademlia.krpc.KrpcMessage;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.LookupResult;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;
import p2plab.kademlia.routing.FilledTables;
import p2plab.kademlia.routing.RoutingTable;

/**
 * N DHT nodes in the simulator whose routing tables are filled directly, without a message,
 * as a network that has been up for a while would have them ({@link FilledTables}, which a
 * network of 10,000 peers or more uses too): for each node and each bucket range (ids sharing
 * exactly b leading bits with its own), k nodes drawn at random from that range, all good;
 * down to the own neighbourhood, which it gets whole. For networks too large to
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

    /** The tables as a network built whole gets them ({@link FilledTables}), each adopted by its node. */
    private static void fillTables(DhtNode[] dht, int k, long now, SplittableRandom random) {
        Contact[] contacts = new Contact[dht.length];
        for (int i = 0; i < dht.length; i++) {
            contacts[i] = dht[i].contact();
        }
        RoutingTable[] tables = FilledTables.fill(contacts, FilledTables.sortedIds(contacts), k, dht[0].config().goodFor().toNanos(),
                BucketPolicies.bep5(), now, random.nextLong());
        for (int i = 0; i < dht.length; i++) {
            dht[i].adopt(tables[i]);
        }
    }
}
