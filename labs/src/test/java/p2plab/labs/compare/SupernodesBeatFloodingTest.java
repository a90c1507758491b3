package p2plab.labs.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import p2plab.gnutella.GnutellaOverlay;
import p2plab.kazaa.KazaaOverlay;

/**
 * The lesson of the Kazaa lab, as a test: on the same 2,000-peer workload and seed (catalogue,
 * queries, askers), Kazaa's supernode search needs at least ten times fewer messages per query
 * than Gnutella's flooding, for an equal or better success rate. Both run with their defaults
 * (Gnutella: random-regular degree 4, TTL 7; Kazaa: 5% supernodes, TTL 3).
 */
class SupernodesBeatFloodingTest {

    @Test
    void kazaaNeedsTenTimesFewerMessagesPerQueryForAtLeastTheSameSuccess() {
        Workload w = new Workload(2000, 2000, 200, 0, 2026, 0.8);

        ComparisonRow gnutella = Comparison.run(new GnutellaOverlay(), w);
        ComparisonRow kazaa = Comparison.run(new KazaaOverlay(), w);

        String figures = "gnutella " + gnutella.messagesPerQuery() + " msgs/query at " + gnutella.successRate()
                + "; kazaa " + kazaa.messagesPerQuery() + " msgs/query at " + kazaa.successRate();
        System.out.println("2,000-peer workload: " + figures);
        assertTrue(kazaa.messagesPerQuery() * 10 <= gnutella.messagesPerQuery(), figures);
        assertTrue(kazaa.successRate() >= gnutella.successRate(), figures);
    }
}
