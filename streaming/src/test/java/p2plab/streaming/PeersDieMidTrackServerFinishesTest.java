package p2plab.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.streaming.measure.PlayRecord;
import p2plab.streaming.media.SourceKind;

/**
 * Peers 1 and 2 hold track 3 (40 s) and serve it to listener 3 after the server's first 15 s.
 * When its peers fail, the listener must finish the track from the server, and no wait may be
 * longer than the fallback threshold (2 s). Two ways to fail: a crash (the links close one
 * failure-detection delay later) and a peer that stays up but delivers almost nothing (the
 * watchdog leaves it after 2 s of silence).
 */
class PeersDieMidTrackServerFinishesTest {
    private static final long FALLBACK_NANOS = 2_000_000_000L;

    private static StreamingNetwork network(SimTransport sim, long peerUpload) {
        // peers 1, 2: the holders; peer 3: the listener (its own uplink does not matter here)
        StreamingNetwork n = Fixtures.network(sim, 3, PeerSpec.rates(peerUpload, 1_000_000),
                Fixtures.options(Fixtures.SHORT_TRACKS, "mode", "hybrid", "fallback", "2"), null);
        n.preload(PeerId.of(1), 3);
        n.preload(PeerId.of(2), 3);
        sim.advance(Duration.ofSeconds(1));
        return n;
    }

    @Test
    void bothPeersCrashMidTrackAndTheServerFinishesIt() throws Exception {
        try (SimTransport sim = Fixtures.sim(41)) {
            StreamingNetwork n = network(sim, 25_000);
            CompletableFuture<PlayRecord> play = n.play(PeerId.of(3), 3, -1);
            sim.advance(Duration.ofSeconds(6)); // head from the server is in; peers are sending the rest
            n.kill(PeerId.of(1));
            n.kill(PeerId.of(2));
            PlayRecord r = sim.await(play, Duration.ofMinutes(5));
            assertTrue(r.bytesFrom(SourceKind.PEER) > 0, r.toString());
            assertTrue(r.bytesFrom(SourceKind.SERVER) > 300_000, "more than the 15 s head: " + r);
            assertEquals(800_000, r.bytesFrom(SourceKind.SERVER) + r.bytesFrom(SourceKind.PEER));
            assertTrue(r.longestStallNanos() <= FALLBACK_NANOS, r.toString());
        }
    }

    @Test
    void peersThatStayUpButGoSilentAreLeftForTheServer() throws Exception {
        try (SimTransport sim = Fixtures.sim(42)) {
            StreamingNetwork n = network(sim, 1_000); // 16 s per chunk: effectively silent
            PlayRecord r = sim.await(n.play(PeerId.of(3), 3, -1), Duration.ofMinutes(5));
            assertEquals(800_000, r.bytesFrom(SourceKind.SERVER) + r.bytesFrom(SourceKind.PEER), r.toString());
            assertTrue(r.bytesFrom(SourceKind.SERVER) > 700_000, r.toString());
            assertTrue(r.longestStallNanos() <= FALLBACK_NANOS, r.toString());
        }
    }
}
