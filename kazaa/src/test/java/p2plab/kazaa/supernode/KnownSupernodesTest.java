package p2plab.kazaa.supernode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.kazaa.wire.PeerRef;

class KnownSupernodesTest {

    private static PeerRef ref(int id, int port) {
        return new PeerRef(id, new Address("10.0.0." + id, port));
    }

    @Test
    void refsKeepTheOrderFirstHeardAndANewRefOfAnIdTakesTheOldOnesPlace() {
        KnownSupernodes known = new KnownSupernodes();
        for (int id = 1; id <= 9; id++) { // past the first growth of the id array
            known.put(ref(id, 1));
        }
        known.put(ref(4, 2));
        assertEquals(9, known.size());
        assertEquals(ref(4, 2), known.values().get(3));
        known.remove(2);
        known.remove(9);
        known.remove(42);
        assertEquals(List.of(ref(1, 1), ref(3, 1), ref(4, 2), ref(5, 1), ref(6, 1), ref(7, 1), ref(8, 1)), known.values());
        assertTrue(known.contains(8));
        assertFalse(known.contains(2));
        assertFalse(known.contains(9));
        known.put(ref(2, 3)); // heard again after removal: last
        assertEquals(ref(2, 3), known.values().get(7));
        assertTrue(known.contains(2));
        known.clear();
        assertEquals(0, known.size());
        assertFalse(known.contains(1));
        known.put(ref(5, 1));
        assertEquals(List.of(ref(5, 1)), known.values());
        known.putIfKnownOrRoom(ref(6, 1), 2);
        known.putIfKnownOrRoom(ref(7, 1), 2); // full: a stranger is not taken
        known.putIfKnownOrRoom(ref(5, 4), 2); // known: its new ref is
        assertEquals(List.of(ref(5, 4), ref(6, 1)), known.values());
    }
}
