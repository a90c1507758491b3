package p2plab.napster.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import p2plab.common.content.ContentId;

class ContentIdCacheTest {
    private static final String A = "ab".repeat(32);
    private static final String B = "cd".repeat(32);

    @Test
    void aHashSeenBeforeGivesTheSameIdWithoutANewCheck() {
        ContentIdCache cache = new ContentIdCache(8);
        ContentId first = cache.of(new String(A)); // a fresh string each time, as the decoder makes them
        assertSame(first, cache.of(new String(A)));
        assertEquals(new ContentId(A), first);
    }

    @Test
    void twoHashesInOneSlotStillGiveTheirOwnIds() {
        ContentIdCache cache = new ContentIdCache(1); // every hash lands in the same slot
        assertEquals(A, cache.of(A).hex());
        assertEquals(B, cache.of(B).hex());
        ContentId again = cache.of(A);
        assertEquals(A, again.hex());
        assertNotSame(again, cache.of(B));
    }

    @Test
    void aBrokenHashIsStillRefused() {
        ContentIdCache cache = new ContentIdCache(8);
        assertThrows(IllegalArgumentException.class, () -> cache.of("not a hash"));
        assertThrows(IllegalArgumentException.class, () -> new ContentIdCache(3));
    }
}
