package p2plab.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private final Metrics metrics = new Metrics(() -> 5_000_000L);
    private final int base = metrics.registerTypes("g", List.of("Query", "Hit"));
    private final PeerCounters a = metrics.newPeer("a");
    private final PeerCounters b = metrics.newPeer("b");

    @Test
    void countsByPeerTypeAndOverlay() {
        metrics.sent(a, base, 30, null);
        metrics.received(b, base, 30, null);
        metrics.sent(b, base + 1, 50, null);
        metrics.dropped(b, base + 1);
        metrics.rejected(a);

        MetricsSnapshot s = metrics.snapshot();
        assertEquals(new Counts(1, 30, 0, 0, 0, 1), s.byPeer().get("a"));
        assertEquals(new Counts(1, 50, 1, 30, 1, 0), s.byPeer().get("b"));
        assertEquals(new Counts(1, 30, 1, 30, 0, 0), s.byType().get("g/Query"));
        assertEquals(new Counts(1, 50, 0, 0, 1, 0), s.byType().get("g/Hit"));
        assertEquals(new Counts(2, 80, 1, 30, 1, 0), s.byOverlay().get("g"));
        assertEquals(new Counts(2, 80, 1, 30, 1, 1), s.total());
        assertEquals(5.0, s.timeMillis());
    }

    @Test
    void registeringTheSameTypesAgainReusesThem() {
        assertEquals(base, metrics.registerTypes("g", List.of("Query", "Hit")));
        int other = metrics.registerTypes("n", List.of("Login"));
        assertEquals(base + 2, other);
        assertEquals("n/Login", metrics.typeName(other));
    }

    @Test
    void resetZeroesEverything() {
        metrics.sent(a, base, 30, null);
        metrics.reset();
        assertTrue(metrics.snapshot().total().isZero());
    }

    @Test
    void aTallyCountsOnlyItsKeyAndSeesDuplicates() {
        Tally t = metrics.openTally("q1");
        metrics.sent(a, base, 10, "q1");
        metrics.received(b, base, 10, "q1");
        metrics.sent(a, base, 10, "q1");
        metrics.received(b, base, 10, "q1");   // b hears q1 twice: one duplicate
        metrics.sent(a, base, 10, "q2");       // another search
        metrics.sent(b, base + 1, 20, "q1");
        metrics.received(a, base + 1, 20, "q1");
        metrics.closeTally("q1");
        metrics.sent(a, base, 10, "q1");       // after closing: not counted

        assertEquals(3, t.messages());
        assertEquals(40, t.bytes());
        assertEquals(2, t.received("g/Query"));
        assertEquals(1, t.distinctReceivers("g/Query"));
        assertEquals(1, t.duplicates("g/Query"));
        assertEquals(1, t.sent("g/Hit"));
        assertEquals(java.util.Set.of("b"), t.receivers("g/Query"));
    }

    @Test
    void snapshotJsonIsStable() {
        metrics.sent(a, base, 30, null);
        String json = metrics.snapshot().toJson();
        assertEquals(json, metrics.snapshot().toJson());
        assertTrue(json.contains("\"g/Query\""), json);
        assertTrue(json.contains("\"messagesSent\" : 1"), json);
        assertFalse(json.contains("\"zero\""), "only counts, no derived flags: " + json);
    }

    @Test
    void perPeerViewListsOnlyTheTypesItUsed() {
        metrics.sent(a, base + 1, 7, null);
        assertEquals(List.of("g/Hit"), List.copyOf(metrics.peer("a").keySet()));
    }
}
