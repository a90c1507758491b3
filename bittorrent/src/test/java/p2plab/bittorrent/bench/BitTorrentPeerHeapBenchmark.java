package p2plab.bittorrent.bench;

import p2plab.common.testing.PeerHeap;
import p2plab.bittorrent.BitTorrentOverlay;

/**
 * Heap per simulated BitTorrent peer after GC, with a shared catalogue, and the heap histogram's top
 * classes (issue 19). Arguments: peers (default 100,000), catalogue files (default 1,000), rows.
 *
 * <pre>BENCH_JVM=-Xmx4g bench/run bittorrent p2plab.bittorrent.bench.BitTorrentPeerHeapBenchmark 100000</pre>
 */
public final class BitTorrentPeerHeapBenchmark {

    public static void main(String[] args) throws Exception {
        PeerHeap.main(new BitTorrentOverlay(), args);
    }

    private BitTorrentPeerHeapBenchmark() {
    }
}
