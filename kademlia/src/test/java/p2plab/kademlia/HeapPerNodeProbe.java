package p2plab.kademlia;

import java.lang.ref.Reference;
import java.util.Map;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.bench.Measure;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;

/**
 * Joins N nodes one by one in the simulator and prints the heap they hold after a full GC,
 * per node, and the mean routing table size: one line {@code nodes=N bytesPerNode=B
 * tableNodes=T}. {@link HeapPerNodeTest} runs it in a JVM of its own, so nothing else of the
 * test run sits in the heap it measures.
 */
public final class HeapPerNodeProbe {

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        long before = Measure.usedAfterGc();
        SimTransport sim = SimTransport.withSeed(1);
        KademliaNetwork net = KademliaNetwork.start(NetworkSpec.of("heap", n, 1).withOptions(Map.of("refresh", "off", "build", "join")), sim,
                BucketPolicies.bep5(), NextHopPolicy.closestFirst());
        long after = Measure.usedAfterGc();
        long tableNodes = 0;
        for (int i = 0; i < n; i++) {
            tableNodes += net.dht(PeerId.of(i)).table().size();
        }
        System.out.printf("nodes=%d bytesPerNode=%d tableNodes=%.1f%n", n, (after - before) / n, tableNodes / (double) n);
        Reference.reachabilityFence(net);
        Reference.reachabilityFence(sim);
    }
}
