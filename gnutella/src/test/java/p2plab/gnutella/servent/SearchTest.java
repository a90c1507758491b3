package p2plab.gnutella.servent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import p2plab.common.content.ContentId;
import p2plab.common.transport.Address;

/** What one search keeps of the QueryHits that reach it. */
class SearchTest {
    private static final ContentId ID = new ContentId("0f".repeat(32));

    @Test
    void aSearchKeepsAtMostMaxHitsHowEverManyArrive() {
        Search s = new Search("bait", SearchTracer.NONE, 0);
        Address hostile = new Address("127.0.0.9", 6346);
        for (long index = 0; index < Search.MAX_HITS + 5_000; index++) { // a servent answering with file after file
            s.add(new FoundFile(hostile, index, "bait " + index, 1, ID, 1), 1);
        }
        s.finish(2);
        assertEquals(Search.MAX_HITS, s.result().join().hits().size());
    }

    @Test
    void theSameFileFromTheSameHolderCountsOnce() {
        Search s = new Search("bait", SearchTracer.NONE, 0);
        Address holder = new Address("127.0.0.9", 6346);
        s.add(new FoundFile(holder, 7, "bait", 1, ID, 1), 1);
        s.add(new FoundFile(holder, 7, "bait", 1, ID, 2), 2);
        s.finish(3);
        assertEquals(1, s.result().join().hits().size());
    }
}
