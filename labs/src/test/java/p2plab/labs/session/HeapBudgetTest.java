package p2plab.labs.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The estimate and the one line that refuses a network too big for the heap. */
class HeapBudgetTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    @Test
    void aNetworkCostsItsOverlaysFigurePerPeer() {
        assertEquals(1_000_000 * HeapBudget.BYTES_PER_PEER.get("gnutella"), HeapBudget.network("gnutella", 1_000_000));
        assertEquals(50 * HeapBudget.BYTES_PER_PEER.get("napster"), HeapBudget.network("napster", 50));
        assertEquals(10 * HeapBudget.UNKNOWN_PEER, HeapBudget.network("student-overlay", 10), "unknown: the heaviest figure");
        assertEquals(100_000 * HeapBudget.BYTES_PER_PEER.get("kazaa") + 400_000 * HeapBudget.BYTES_PER_FILE.get("kazaa"),
                HeapBudget.network("kazaa", 100_000, 400_000));
    }

    @Test
    void itFitsWhenTheNeedAndTheHeadroomAreFree() {
        HeapBudget.Heap heap = new HeapBudget.Heap(1024 * MIB, 200 * MIB);
        assertTrue(HeapBudget.fits(824 * MIB - HeapBudget.HEADROOM, heap));
        assertFalse(HeapBudget.fits(824 * MIB - HeapBudget.HEADROOM + 1, heap));
    }

    @Test
    void theRefusalGivesTheEstimateTheFreeHeapAndHowToRaiseIt() {
        HeapBudget.Need need = new HeapBudget.Need("network create gnutella --peers 1000000", 6 * GIB + GIB / 2);
        String line = HeapBudget.refusal(need, new HeapBudget.Heap(4 * GIB, GIB), 16 * GIB);
        assertEquals("network create gnutella --peers 1000000 needs about 6.5 GiB of heap, but 3.0 GiB is free"
                + " (Java may use 4.0 GiB); start p2plab with more, e.g. P2PLAB_JAVA_OPTS=-Xmx8g ./p2plab, or use fewer peers", line);
    }

    @Test
    void aNeedBeyondTheMachineSaysSoInsteadOfSuggestingAHeap() {
        HeapBudget.Need need = new HeapBudget.Need("network create gnutella --peers 1000000", 20 * GIB);
        String line = HeapBudget.refusal(need, new HeapBudget.Heap(4 * GIB, 100 * MIB), 8 * GIB);
        assertTrue(line.endsWith("needs about 20.0 GiB of heap, but 3.9 GiB is free (Java may use 4.0 GiB);"
                + " that is more than this machine's 8.0 GiB of memory: use fewer peers"), line);
    }

    @Test
    void aSmallHeapIsShownInMebibytes() {
        assertEquals("96 MiB", HeapBudget.size(96 * MIB));
        assertEquals("1.5 GiB", HeapBudget.size(GIB + GIB / 2));
    }

    @Test
    void anOutOfMemoryErrorRepeatsTheCommandsEstimate() {
        HeapBudget.require("compare --peers 10", 1);
        try {
            assertTrue(HeapBudget.outOfMemory().startsWith("out of memory: compare --peers 10 needs about 1 MiB of heap, but "),
                    HeapBudget.outOfMemory());
            HeapBudget.forget();
            assertTrue(HeapBudget.outOfMemory().startsWith("out of memory: the command needed more than the "),
                    HeapBudget.outOfMemory());
        } finally {
            HeapBudget.forget();
        }
    }
}
