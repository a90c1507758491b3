package p2plab.kazaa.bench;

import p2plab.common.testing.PeerHeap;
import p2plab.kazaa.KazaaOverlay;

/**
 * Heap per simulated Kazaa peer after GC, with a shared catalogue, and the heap histogram's top
 * classes (issue 19). Arguments: peers (default 100,000), catalogue files (default 1,000), rows.
 *
 * <pre>BENCH_JVM=-Xmx4g bench/run kazaa p2plab.kazaa.bench.KazaaPeerHeapBenchmark 100000</pre>
 */
public final class KazaaPeerHeapBenchmark {

    public static void main(String[] args) throws Exception {
        PeerHeap.main(new KazaaOverlay(), args);
    }

    private KazaaPeerHeapBenchmark() {
    }
}
