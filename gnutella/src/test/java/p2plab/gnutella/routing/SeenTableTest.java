package p2plab.gnutella.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.gnutella.message.Guid;

class SeenTableTest {
    private final SplittableRandom random = new SplittableRandom(1);
    private final SeenTable<String> table = new SeenTable<>(1_000, 100);

    @Test
    void secondSightingOfTheSameGuidAndTypeIsADuplicate() {
        Guid g = Guid.random(random);
        assertTrue(table.firstSighting(g, 0x80, "a", 0));
        assertFalse(table.firstSighting(g, 0x80, "b", 10));
        assertEquals("a", table.routeOf(g, 0x80, 20), "the route stays the first connection");
    }

    @Test
    void typeIsPartOfTheKey() {
        Guid g = Guid.random(random);
        assertTrue(table.firstSighting(g, 0x00, "a", 0));
        assertTrue(table.firstSighting(g, 0x80, "b", 0));
        assertEquals("a", table.routeOf(g, 0x00, 0));
        assertEquals("b", table.routeOf(g, 0x80, 0));
    }

    @Test
    void ownDescriptorsAreKnownWithoutARoute() {
        Guid g = Guid.random(random);
        table.firstSighting(g, 0x80, null, 0);
        assertTrue(table.knows(g, 0x80, 1));
        assertNull(table.routeOf(g, 0x80, 1));
        assertFalse(table.knows(Guid.random(random), 0x80, 1), "an unknown GUID");
    }

    @Test
    void entriesExpire() {
        Guid g = Guid.random(random);
        table.firstSighting(g, 0x80, "a", 0);
        assertTrue(table.knows(g, 0x80, 999));
        assertFalse(table.knows(g, 0x80, 1_000));
        assertEquals(0, table.size());
        assertTrue(table.firstSighting(g, 0x80, "c", 1_001), "seen again after expiry: handled again");
    }

    @Test
    void aFullTableEvictsItsOldestEntriesEarlyAndCountsThem() {
        Guid[] guids = new Guid[150];
        for (int i = 0; i < guids.length; i++) {
            guids[i] = Guid.random(random);
            assertTrue(table.firstSighting(guids[i], 0x80, "flood", i), "new GUID " + i);
        }

        assertEquals(100, table.size());
        assertEquals(50, table.evicted());
        assertFalse(table.knows(guids[49], 0x80, 150), "the oldest went first");
        assertTrue(table.knows(guids[50], 0x80, 150));
        assertFalse(table.firstSighting(guids[149], 0x80, "again", 151), "recent ones are still duplicates");
        assertEquals(50, table.evicted(), "a duplicate evicts nothing");
    }

    @Test
    void expiryMakesRoomBeforeAnythingIsEvicted() {
        for (int i = 0; i < 100; i++) {
            table.firstSighting(Guid.random(random), 0x80, "a", 0);
        }
        assertTrue(table.firstSighting(Guid.random(random), 0x80, "b", 1_000));
        assertEquals(1, table.size());
        assertEquals(0, table.evicted());
    }
}
