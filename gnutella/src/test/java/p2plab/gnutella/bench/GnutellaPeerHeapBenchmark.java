package p2plab.gnutella.bench;

import p2plab.common.testing.PeerHeap;
import p2plab.gnutella.GnutellaOverlay;

/**
 * Heap per simulated Gnutella peer after GC, with a shared catalogue, and the heap histogram's top
 * classes (issue 19). Arguments: peers (default 100,000), catalogue files (default 1,000), rows.
 *
 * <pre>BENCH_JVM=-Xmx4g bench/run gnutella p2plab.gnutella.bench.GnutellaPeerHeapBenchmark 100000</pre>
 */
public final class GnutellaPeerHeapBenchmark {

    public static void main(String[] args) throws Exception {
        PeerHeap.main(new GnutellaOverlay(), args);
    }

    private GnutellaPeerHeapBenchmark() {
    }
}
