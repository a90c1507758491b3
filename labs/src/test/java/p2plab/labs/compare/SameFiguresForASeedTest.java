package p2plab.labs.compare;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.content.Catalogue;
import p2plab.common.overlay.Progress;
import p2plab.gnutella.GnutellaOverlay;
import p2plab.kademlia.KademliaOptions;
import p2plab.kademlia.KademliaOverlay;
import p2plab.kazaa.KazaaOverlay;
import p2plab.napster.NapsterOverlay;

/**
 * A comparison's figures for a seed are those it gave before it was made fast (issue 19): the
 * catalogue hashed once for every overlay with smaller files, replicas placed with a bit set, a
 * peer's files shared in one event, overlays run two at a time. Pinned from
 * {@code compare --peers 300 --queries 30 --overlays napster,gnutella,kazaa --json} as built
 * from the commit before those changes; Kademlia's row likewise, from the commit before large
 * Kademlia networks got filled tables (a 300-peer network still joins one by one). One figure
 * moved since, for another reason: Gnutella's busiest peer (p207, 442 messages; now p181, 436),
 * when small networks began to be wired in rounds of handshakes, which changes the order in
 * which servents list their neighbours, and so which of two copies of a query that arrive at
 * the same moment counts as the first.
 */
class SameFiguresForASeedTest {
    private static final Workload W = new Workload(300, 1200, 30, 0, 1, 0.8);

    @Test
    void napsterGnutellaAndKazaaGiveThePinnedFigures() {
        Catalogue catalogue = Comparison.catalogue(W); // one catalogue for the three, as the command does
        assertPinned(Comparison.run(new NapsterOverlay(), W, catalogue, Progress.NONE), 1714, 30, 600, "p0", 2014, 2014);
        assertPinned(Comparison.run(new GnutellaOverlay(), W, catalogue, Progress.NONE), 36881, 64, 1280, "p181", 436, 36881);
        assertPinned(Comparison.run(new KazaaOverlay(), W, catalogue, Progress.NONE), 2034, 14, 820, "p9", 448, 3114);
    }

    @Test
    void kademliaBuiltOneByOneGivesThePinnedFigures() {
        assertPinned(Comparison.run(new KademliaOverlay(), W, Comparison.catalogue(W), Progress.NONE), 810, 73, 2660, "p130", 64, 902);
    }

    /** From 10,000 peers the tables are filled and the files stored directly: the same figures for a seed, run after run. */
    @Test
    void kademliaWithFilledTablesGivesTheSameFiguresTwice() {
        Workload large = new Workload(KademliaOptions.FILLED_FROM, 20_000, 20, 0, 3, 0.8);
        Catalogue catalogue = Comparison.catalogue(large);
        ComparisonRow first = Comparison.run(new KademliaOverlay(), large, catalogue, Progress.NONE);
        ComparisonRow second = Comparison.run(new KademliaOverlay(), large, catalogue, Progress.NONE);
        assertEquals(first, second);
        assertEquals(0, first.timeouts());
        assertTrue(first.successRate() >= 0.9, "success " + first.successRate());
        assertTrue(first.meanHops() >= 2 && first.meanHops() <= 5, "rounds " + first.meanHops());
    }

    @Test
    void runningTwoAtATimeGivesTheSameFiguresInTheOrderAsked() {
        List<ComparisonRow> rows = Comparison.runAll(List.of(new KazaaOverlay(), new NapsterOverlay(), new GnutellaOverlay()),
                W, Comparison.catalogue(W), 2);
        assertEquals(List.of("kazaa", "napster", "gnutella"), rows.stream().map(ComparisonRow::overlay).toList());
        assertPinned(rows.get(0), 2034, 14, 820, "p9", 448, 3114);
        assertPinned(rows.get(1), 1714, 30, 600, "p0", 2014, 2014);
        assertPinned(rows.get(2), 36881, 64, 1280, "p181", 436, 36881);
    }

    /** Totals over the 30 queries, all of which find something: search messages, hops and milliseconds to the first hit. */
    private static void assertPinned(ComparisonRow r, long searchMessages, int hops, int latencyMillis,
                                     String busiest, long busiestMessages, long totalMessages) {
        int n = W.queries();
        assertAll(r.overlay(),
                () -> assertEquals(searchMessages / (double) n, r.messagesPerQuery(), 1e-9, "messages per query"),
                () -> assertEquals(1.0, r.successRate(), "success rate"),
                () -> assertEquals(hops / (double) n, r.meanHops(), 1e-9, "hops"),
                () -> assertEquals(latencyMillis / (double) n, r.meanLatencyMillis(), 1e-9, "latency"),
                () -> assertEquals(busiest, r.busiestPeer(), "busiest peer"),
                () -> assertEquals(busiestMessages, r.busiestPeerMessages(), "busiest peer's messages"),
                () -> assertEquals(totalMessages, r.totalMessages(), "total messages"),
                () -> assertEquals(0, r.timeouts(), "timeouts"));
    }
}
