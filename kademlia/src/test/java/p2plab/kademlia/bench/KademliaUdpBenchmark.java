package p2plab.kademlia.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.kademlia.KademliaNetwork;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.LookupResult;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;

/**
 * N Kademlia nodes on real UDP sockets on 127.0.0.1 in one JVM, joined one by one; then L
 * find_node lookups of random ids, {@code concurrent} at a time. Prints lookups per second and
 * the p50 / p99 latency of one lookup (wall time).
 *
 * <pre>bench/run kademlia p2plab.kademlia.bench.KademliaUdpBenchmark 500 5000 50</pre>
 */
public final class KademliaUdpBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int concurrent = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (TcpTransport udp = new TcpTransport(TcpOptions.defaults().withSeed(1))) {
            long start = System.nanoTime();
            KademliaNetwork net = KademliaNetwork.start(NetworkSpec.of("bench", n, 1).withOptions(Map.of("refresh", "off")), udp,
                    BucketPolicies.bep5(), NextHopPolicy.closestFirst());
            System.out.printf("%,d nodes joined over UDP in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
            SplittableRandom random = new SplittableRandom(2);
            long[] latency = new long[lookups];
            int[] rounds = new int[lookups];
            start = System.nanoTime();
            for (int done = 0; done < lookups; ) {
                List<CompletableFuture<LookupResult>> batch = new ArrayList<>();
                List<Long> began = new ArrayList<>();
                long[] ended = new long[Math.min(concurrent, lookups - done)];
                for (int i = 0; i < ended.length; i++) {
                    int slot = i;
                    began.add(System.nanoTime());
                    batch.add(net.lookup(PeerId.of(random.nextInt(n)), NodeId.random(random), false, null)
                            .whenComplete((r, e) -> ended[slot] = System.nanoTime()));
                }
                udp.await(CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)), Duration.ofMinutes(5));
                for (int i = 0; i < ended.length; i++) {
                    latency[done] = ended[i] - began.get(i);
                    rounds[done] = batch.get(i).join().rounds();
                    done++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latency);
            Arrays.sort(rounds);
            System.out.printf("%,d lookups (%d at a time) in %.1f s = %.0f lookups/s; latency p50 %.2f ms, p99 %.2f ms; rounds median %d%n",
                    lookups, concurrent, seconds, lookups / seconds, latency[lookups / 2] / 1e6, latency[lookups * 99 / 100] / 1e6,
                    rounds[lookups / 2]);
        }
    }
}
