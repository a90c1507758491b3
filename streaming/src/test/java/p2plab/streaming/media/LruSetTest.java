package p2plab.streaming.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LruSetTest {
    @Test
    void theLeastRecentlyUsedGoesFirst() {
        LruSet<Integer> s = new LruSet<>(2);
        assertNull(s.add(1));
        assertNull(s.add(2));
        assertTrue(s.touch(1));
        assertEquals(2, s.add(3));
        assertFalse(s.contains(2));
        assertTrue(s.contains(1));
        assertEquals(1, s.evictions());
    }

    @Test
    void aCacheOfNothingKeepsNothing() {
        LruSet<Integer> s = new LruSet<>(0);
        assertEquals(7, s.add(7));
        assertFalse(s.contains(7));
    }
}
