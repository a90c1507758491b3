package p2plab.napster.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import p2plab.napster.index.SharedFile;

class SharedFileCacheTest {
    private static final String A = "ab".repeat(32);
    private static final String B = "cd".repeat(32);

    @Test
    void theSharesOfOneFileGetOneRecord() {
        SharedFileCache cache = new SharedFileCache(8);
        SharedFile first = cache.of(new String("Amber Night.mp3"), new String(A), 10); // fresh strings, as the decoder makes them
        assertSame(first, cache.of(new String("Amber Night.mp3"), new String(A), 10));
        assertEquals("Amber Night.mp3", first.name());
        assertEquals(A, first.id().hex());
        assertEquals(10, first.size());
    }

    @Test
    void aDifferentNameHashOrSizeIsADifferentRecordEvenInOneSlot() {
        SharedFileCache cache = new SharedFileCache(2); // every file lands in the same pair of slots
        SharedFile a = cache.of("a.mp3", A, 10);
        assertEquals(new SharedFile("a.mp3", a.id(), 11), cache.of("a.mp3", A, 11));
        assertEquals(B, cache.of("a.mp3", B, 10).id().hex());
        assertEquals("b.mp3", cache.of("b.mp3", A, 10).name());
        assertEquals(a, cache.of("a.mp3", A, 10));
    }

    @Test
    void twoFilesOfOneBucketBothStay() {
        SharedFileCache cache = new SharedFileCache(2);
        SharedFile a = cache.of("a.mp3", A, 1);
        SharedFile b = cache.of("b.mp3", B, 1);
        for (int i = 0; i < 3; i++) {
            assertSame(a, cache.of("a.mp3", A, 1));
            assertSame(b, cache.of("b.mp3", B, 1));
        }
    }

    @Test
    void aBrokenHashOrSizeIsStillRefused() {
        SharedFileCache cache = new SharedFileCache(8);
        assertThrows(IllegalArgumentException.class, () -> cache.of("a.mp3", "not a hash", 1));
        assertThrows(IllegalArgumentException.class, () -> cache.of("a.mp3", A, -1));
        assertThrows(IllegalArgumentException.class, () -> new SharedFileCache(1));
    }
}
