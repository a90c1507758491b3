package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import p2plab.common.testing.PeerHeap;
import p2plab.gnutella.bench.GnutellaPeerHeapBenchmark;

/**
 * Issue 19's memory goal for a Gnutella servent: at most 2 KiB of heap per peer, sharing a
 * catalogue, measured after GC in a JVM of its own (so nothing else this JVM holds counts).
 */
class GnutellaPeerHeapTest {

    @Test
    void aServentSharingACatalogueCostsAtMostTwoKibibytes() throws Exception {
        PeerHeap.Figures f = PeerHeap.forked(GnutellaPeerHeapBenchmark.class, "512m", 20_000, PeerHeap.DEFAULT_FILES);
        assertTrue(f.perPeer() <= 2048, "a servent costs " + f.perPeer() + " bytes:\n" + f.output());
    }
}
