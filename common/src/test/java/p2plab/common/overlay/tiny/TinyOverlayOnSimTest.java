package p2plab.common.overlay.tiny;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.metrics.MetricsSnapshot;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.TransferResult;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.sim.SimTransport;

/** The Overlay SPI end to end, on the simulator: create, share, search, download, kill, revive. */
class TinyOverlayOnSimTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final SimTransport sim = SimTransport.withSeed(1);
    private final Network line = new TinyOverlay().create(
            NetworkSpec.of("t", 4, 1).withTopology(TopologySpec.of("line", 0)), sim);

    @Test
    void searchAlongALineCostsTtlQueriesAndAsManyHitsBack() throws Exception {
        line.share(PeerId.of(3), new BytesContent("blue moon.mp3", new byte[] {1, 2, 3}));

        SearchResult r = sim.await(line.search(PeerId.of(0), new Query("moon", 3)), WAIT);

        assertEquals(1, r.hits().size());
        assertEquals(PeerId.of(3), r.hits().get(0).holder());
        assertEquals(3, r.hopsToFirstHit());
        // Query 0->1->2->3 (the last arrives with TTL 1 and stops), then Hit 3->2->1->0.
        assertEquals(6, r.messages());
        assertEquals(3, r.peersReached());
        assertEquals(0, r.duplicates());
    }

    @Test
    void ttlShorterThanTheDistanceFindsNothing() throws Exception {
        line.share(PeerId.of(3), new BytesContent("blue moon.mp3", new byte[] {1}));

        SearchResult r = sim.await(line.search(PeerId.of(0), new Query("moon", 2)), WAIT);

        assertFalse(r.found());
        assertEquals(2, r.messages());
        assertEquals(-1, r.hopsToFirstHit());
    }

    @Test
    void downloadIsByteIdenticalAndCountedByTheTransport() throws Exception {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        BytesContent file = new BytesContent("data.bin", data);
        line.share(PeerId.of(2), file);
        MetricsSnapshot before = line.metrics();

        TransferResult t = sim.await(line.download(PeerId.of(0), file.id()), WAIT);

        assertTrue(t.verified());
        assertEquals(data.length, t.bytes());
        assertEquals(List.of(new TransferResult.Source(PeerId.of(2), data.length)), t.sources());
        MetricsSnapshot after = line.metrics();
        assertEquals(1, after.messagesSent("tiny/Get") - before.messagesSent("tiny/Get"));
        assertEquals(1, after.messagesSent("tiny/Data") - before.messagesSent("tiny/Data"));
        long dataBytes = after.byType().get("tiny/Data").bytesReceived();
        assertTrue(dataBytes > data.length, "the Data frame carries the file plus its header");
    }

    @Test
    void killedPeerCutsTheLineAndReviveRestoresIt() throws Exception {
        line.share(PeerId.of(3), new BytesContent("blue moon.mp3", new byte[] {1}));
        line.kill(PeerId.of(2));
        sim.advance(Duration.ofSeconds(5));

        assertFalse(sim.await(line.search(PeerId.of(0), new Query("moon", 3)), WAIT).found());
        assertThrows(OverlayException.class, () -> line.search(PeerId.of(2), Query.of("moon")));
        assertFalse(line.topology().peers().get(2).alive());

        line.revive(PeerId.of(2));
        sim.advance(Duration.ofSeconds(1));
        assertTrue(sim.await(line.search(PeerId.of(0), new Query("moon", 3)), WAIT).found());
    }

    @Test
    void unknownPeerIsAOneLineError() {
        OverlayException e = assertThrows(OverlayException.class, () -> line.kill(PeerId.of(99)));
        assertTrue(e.getMessage().contains("peer list"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void addedPeerGetsTheNextIdAndItsRates() {
        PeerId p = line.addPeer(PeerSpec.rates(1000, 2000));
        assertEquals(PeerId.of(4), p);
        assertEquals(5, line.peers().size());
        assertEquals(3, line.topology().edges().size());
    }

    @Test
    void sameSeedSameBytesOnTheWire() throws Exception {
        byte[] first = run(7);
        assertArrayEquals(first, run(7));
    }

    private static byte[] run(long seed) throws Exception {
        SimTransport s = SimTransport.withSeed(seed);
        Network n = new TinyOverlay().create(NetworkSpec.of("t", 6, seed).withTopology(TopologySpec.of("ring", 0)), s);
        n.share(PeerId.of(3), new BytesContent("x y", new byte[] {9}));
        s.await(n.search(PeerId.of(0), new Query("x", 4)), WAIT);
        return n.metrics().toJson().getBytes();
    }
}
