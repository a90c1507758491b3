package p2plab.common.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrayMapTest {

    @Test
    void keepsInsertionOrderAndAKeyPutAgainKeepsItsPlace() {
        Map<String, Integer> m = new ArrayMap<>();
        m.put("b", 1);
        m.put("a", 2);
        m.put("c", 3);
        assertEquals(2, m.put("a", 20));
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(m.keySet()));
        assertEquals(List.of(1, 20, 3), new ArrayList<>(m.values()));
        assertEquals(20, m.remove("a"));
        assertNull(m.remove("a"));
        assertEquals(Map.of("b", 1, "c", 3), m);
        assertEquals(List.of("b", "c"), new ArrayList<>(m.keySet()));
    }

    @Test
    void behavesLikeALinkedHashMapUnderRandomOperations() {
        SplittableRandom random = new SplittableRandom(7);
        Map<Integer, Integer> expected = new LinkedHashMap<>();
        Map<Integer, Integer> actual = new ArrayMap<>();
        for (int op = 0; op < 20_000; op++) {
            int key = random.nextInt(40);
            switch (random.nextInt(4)) {
                case 0, 1 -> assertEquals(expected.put(key, op), actual.put(key, op));
                case 2 -> assertEquals(expected.remove(key), actual.remove(key));
                default -> assertEquals(expected.get(key), actual.get(key));
            }
            assertEquals(expected.size(), actual.size());
        }
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()));
    }

    @Test
    void removesThroughItsIteratorsAndRefusesChangesWhileIterating() {
        Map<String, Integer> m = new ArrayMap<>();
        for (int i = 0; i < 6; i++) {
            m.put("k" + i, i);
        }
        m.values().removeIf(v -> v % 2 == 0);
        assertEquals(List.of("k1", "k3", "k5"), new ArrayList<>(m.keySet()));
        Iterator<String> it = m.keySet().iterator();
        it.next();
        m.put("new", 9);
        assertThrows(ConcurrentModificationException.class, it::next);
        m.clear();
        assertTrue(m.isEmpty());
        assertThrows(NullPointerException.class, () -> m.put(null, 1));
    }
}
