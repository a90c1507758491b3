package p2plab.napster.bench;

import p2plab.common.testing.PeerHeap;
import p2plab.napster.NapsterOverlay;

/**
 * Heap per simulated Napster peer after GC, with a shared catalogue, and the heap histogram's top
 * classes (issue 19). Arguments: peers (default 100,000), catalogue files (default 1,000), rows.
 *
 * <pre>BENCH_JVM=-Xmx4g bench/run napster p2plab.napster.bench.NapsterPeerHeapBenchmark 100000</pre>
 */
public final class NapsterPeerHeapBenchmark {

    public static void main(String[] args) throws Exception {
        PeerHeap.main(new NapsterOverlay(), args);
    }

    private NapsterPeerHeapBenchmark() {
    }
}
