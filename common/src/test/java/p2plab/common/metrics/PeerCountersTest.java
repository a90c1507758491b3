package p2plab.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PeerCountersTest {

    @Test
    void countsTypesMetInAnyOrderAndOnlyThose() {
        PeerCounters p = new PeerCounters("p1");
        assertEquals(0, p.typeCapacity());
        assertEquals(Counts.ZERO, p.forType(0));

        p.add(5, PeerCounters.SENT_MESSAGES, 1);
        p.add(5, PeerCounters.SENT_BYTES, 100);
        assertEquals(6, p.typeCapacity());
        assertEquals(Counts.ZERO, p.forType(4), "below the first type met");

        p.add(2, PeerCounters.RECEIVED_MESSAGES, 3); // below the first: the range widens downwards
        p.add(7, PeerCounters.DROPPED, 2);           // and upwards
        p.add(5, PeerCounters.SENT_MESSAGES, 1);

        assertEquals(8, p.typeCapacity());
        assertEquals(new Counts(2, 100, 0, 0, 0, 0), p.forType(5));
        assertEquals(new Counts(0, 0, 3, 0, 0, 0), p.forType(2));
        assertEquals(new Counts(0, 0, 0, 0, 2, 0), p.forType(7));
        assertEquals(Counts.ZERO, p.forType(3));
        assertEquals(Counts.ZERO, p.forType(9));

        p.reset();
        assertEquals(Counts.ZERO, p.forType(5));
        assertEquals(0, p.typeCapacity());
    }
}
