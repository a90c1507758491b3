package p2plab.common.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GeneratedContentTest {

    @Test
    void sameKeyGivesTheSameBytes() {
        GeneratedContent a = new GeneratedContent("a.bin", 10_000, 42);
        GeneratedContent b = new GeneratedContent("other-name.bin", 10_000, 42);
        assertArrayEquals(a.read(0, 10_000), b.read(0, 10_000));
        assertEquals(a.id(), b.id());
    }

    @Test
    void differentKeysGiveDifferentBytes() {
        GeneratedContent a = new GeneratedContent("a.bin", 4096, 1);
        GeneratedContent b = new GeneratedContent("a.bin", 4096, 2);
        assertFalse(java.util.Arrays.equals(a.read(0, 4096), b.read(0, 4096)));
        assertNotEquals(a.id(), b.id());
    }

    @Test
    void anyChunkingReadsTheSameBytes() {
        GeneratedContent c = new GeneratedContent("c.bin", 1000, 7);
        byte[] whole = c.read(0, 1000);
        for (int chunk : new int[] {1, 3, 7, 8, 9, 64, 333}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int off = 0; off < 1000; off += chunk) {
                out.writeBytes(c.read(off, Math.min(chunk, 1000 - off)));
            }
            assertArrayEquals(whole, out.toByteArray(), "chunk " + chunk);
        }
        // A range starting mid-word equals the same slice of the whole.
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, 13, 13 + 100), c.read(13, 100));
    }

    @Test
    void bytesAndIdsStayThoseOfTheByteAtATimeGenerator() {
        // Pinned from the generator as it was before it wrote eight bytes at a time and hashed
        // through a reused buffer: ids travel in messages and results, so the bytes may not change.
        // The sizes cross the 64 KiB hashing buffer and end mid-word.
        assertPinned(100_003, 12345, "3fc048c44ba78ae3e673daed0d2648ccc2c688e2234fcdb15d4a84d0ee12a02b", "0b5fd8187b628ed37d5cb06023");
        assertPinned(65_537, -7, "84a7ba01babf0579bd6739ec887b92c76fe9460d0ff5140eef8a3551213802e5", "532e7a046ade96628a94386abd");
        assertPinned(300_000, 42, "904da0e4d572b4cad335c8f71c6dbdb04053c04e22594724d97ffa538cb0108a", "596221371f53a55c77aefbeea5");
    }

    private static void assertPinned(long size, long key, String idHex, String thirteenBytesTwentyFromTheEnd) {
        GeneratedContent c = new GeneratedContent("x", size, key);
        assertEquals(idHex, c.id().hex());
        assertEquals(thirteenBytesTwentyFromTheEnd, java.util.HexFormat.of().formatHex(c.read(size - 20, 13)));
        assertEquals(c.id(), ContentId.of(Digests.sha256(c.read(0, (int) size))));
    }

    @Test
    void idIsTheSha256OfTheBytes() {
        GeneratedContent c = new GeneratedContent("c.bin", 3000, 99);
        assertEquals(ContentId.of(Digests.sha256(c.read(0, 3000))), c.id());
        assertEquals(new BytesContent("c.bin", c.read(0, 3000)).id(), c.id());
        assertSame(c.id(), c.id()); // computed once, then cached
    }

    @Test
    void idIsTheSameWhenFirstAskedFromManyThreads() throws Exception {
        GeneratedContent c = new GeneratedContent("c.bin", 200_000, 5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ContentId>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(c::id);
            }
            ContentId expected = ContentId.of(Digests.sha256(c.read(0, 200_000)));
            for (Future<ContentId> f : pool.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bytesLookRandom() {
        byte[] data = new GeneratedContent("r.bin", 1 << 16, 3).read(0, 1 << 16);
        int[] counts = new int[256];
        for (byte b : data) {
            counts[b & 0xff]++;
        }
        // 256 expected per value; a constant or patterned stream would be far off.
        for (int n : counts) {
            assertTrue(n > 150 && n < 370, "byte value count " + n);
        }
    }

    @Test
    void readsOutsideTheContentAreRefused() {
        GeneratedContent c = new GeneratedContent("c.bin", 100, 1);
        assertThrows(IndexOutOfBoundsException.class, () -> c.read(90, 11));
        assertThrows(IndexOutOfBoundsException.class, () -> c.read(-1, 1));
        assertEquals(0, c.read(100, 0).length);
    }

    @Test
    void emptyContentHasTheEmptyHash() {
        assertEquals(ContentId.of(Digests.sha256(new byte[0])), new GeneratedContent("e", 0, 1).id());
    }
}
