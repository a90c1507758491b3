package p2plab.streaming.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IntLruSetTest {
    @Test
    void theLeastRecentlyUsedGoesFirst() {
        IntLruSet s = new IntLruSet(2);
        assertEquals(IntLruSet.NONE, s.add(1));
        assertEquals(IntLruSet.NONE, s.add(2));
        assertTrue(s.touch(1));
        assertEquals(2, s.add(3));
        assertFalse(s.contains(2));
        assertTrue(s.contains(1));
        assertArrayEquals(new int[] {1, 3}, s.keys());
        assertEquals(1, s.evictions());
    }

    @Test
    void containsIsNotAUseButAddingAgainIs() {
        IntLruSet s = new IntLruSet(3);
        s.add(10);
        s.add(20);
        s.add(30);
        assertTrue(s.contains(10)); // 10 stays the eldest
        assertEquals(10, s.add(40));
        assertEquals(IntLruSet.NONE, s.add(20)); // 20 is now the youngest
        assertEquals(30, s.add(50));
        assertArrayEquals(new int[] {40, 20, 50}, s.keys());
    }

    @Test
    void aCacheOfNothingKeepsNothing() {
        IntLruSet s = new IntLruSet(0);
        assertEquals(7, s.add(7));
        assertFalse(s.contains(7));
        assertEquals(0, s.size());
    }

    @Test
    void negativeKeysAreRefusedAndNeverHeld() {
        IntLruSet s = new IntLruSet(4);
        assertThrows(IllegalArgumentException.class, () -> s.add(-1));
        assertFalse(s.contains(-1));
        assertFalse(s.touch(-1));
        assertThrows(IllegalArgumentException.class, () -> new IntLruSet(-1));
    }

    /**
     * A long seeded mix of adds, touches and lookups, against {@code LruSet<Integer>}: every
     * answer, every evicted key and the whole use order agree after each step. Small capacities
     * over a wide key range make probe runs collide, wrap around the table and shift back on
     * eviction; a large capacity makes the table grow several times.
     */
    @Test
    void answersAndEvictsExactlyAsLruSet() {
        int[][] cases = {{1, 10}, {3, 20}, {5, 1_000}, {8, 64}, {200, 600}, {200, 100_000}, {1_000, 3_000}};
        Random random = new Random(42);
        for (int[] c : cases) {
            int capacity = c[0];
            int keyRange = c[1];
            IntLruSet fast = new IntLruSet(capacity);
            LruSet<Integer> reference = new LruSet<>(capacity);
            for (int step = 0; step < 40_000; step++) {
                int key = random.nextInt(keyRange);
                String where = "capacity " + capacity + ", step " + step + ", key " + key;
                switch (random.nextInt(3)) {
                    case 0 -> {
                        Integer evicted = reference.add(key);
                        assertEquals(evicted == null ? IntLruSet.NONE : evicted, fast.add(key), where);
                    }
                    case 1 -> assertEquals(reference.touch(key), fast.touch(key), where);
                    default -> assertEquals(reference.contains(key), fast.contains(key), where);
                }
                assertEquals(reference.size(), fast.size(), where);
                if (step % 97 == 0 || capacity <= 8) {
                    assertArrayEquals(reference.keys().stream().mapToInt(Integer::intValue).toArray(), fast.keys(), where);
                }
            }
            assertEquals(reference.evictions(), fast.evictions());
            assertArrayEquals(reference.keys().stream().mapToInt(Integer::intValue).toArray(), fast.keys());
        }
    }
}
