package p2plab.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.LatencyModel;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.streaming.client.ListeningSession;
import p2plab.streaming.measure.PlayRecord;
import p2plab.streaming.media.SourceKind;

/** A listener who skips: the play ends then, its requests are cancelled, and the next play starts at once. */
class SkippingTest {
    private static final long S = 1_000_000_000L;
    private static final long CHUNK = 16_384;

    /**
     * One listener, one server twice as fast as playback (32,768 B/s), 10 ms links, tracks of 16
     * one-second chunks; the listener asks 30 s ahead, so the whole of track 0 is asked at once.
     * It skips track 0 two seconds into its audio and plays track 1 to its end.
     */
    @Test
    void aSkipCancelsThePlaysRequestsAndTheNextPlayStartsAtTheSkip() {
        try (SimTransport sim = new SimTransport(SimConfig.seeded(1).withLatency(LatencyModel.constant(Duration.ofMillis(10))))) {
            Map<String, String> o = Map.of("mode", "server", "tracks", "2", "trackBytes", Long.toString(16 * CHUNK), "chunk",
                    "16384", "bitrate", "16384", "serverUpload", "32768", "cache", "2", "loss", "0");
            StreamingNetwork net = (StreamingNetwork) new StreamingOverlay().create(NetworkSpec.of("skip", 1, 1).withOptions(o), sim);
            sim.advance(Duration.ofSeconds(1));
            long start = sim.clock().nanos() + S;
            net.follow(PeerId.of(1), List.of(new ListeningSession(start, new int[] {0, 1}, new boolean[] {false, false},
                    new long[] {2 * S, ListeningSession.WHOLE})));
            sim.advance(Duration.ofMinutes(2));
            List<PlayRecord> plays = net.log().plays();
            assertEquals(2, plays.size(), plays.toString());
            PlayRecord skipped = plays.get(0);
            PlayRecord next = plays.get(1);
            assertTrue(skipped.skipped() && !next.skipped(), plays.toString());
            assertEquals(start, skipped.playAtNanos());
            // the next play is clicked the instant the listener skips: 2 s after the first audio
            assertEquals(skipped.playAtNanos() + skipped.latencyNanos() + 2 * S, next.playAtNanos());
            // The skip comes 0.59 s + 2 s after the click; the server, sending a chunk frame every
            // 0.5004 s, had sent 5 of track 0's 16 chunks, and hears the Cancel 10 ms later: it
            // stops at the chunk on the wire then. Without the Cancel it would send all 16.
            long track0FromOrigin = net.log().originBytes() - 16 * CHUNK;
            assertEquals(16 * CHUNK, next.bytesFrom(SourceKind.SERVER));
            assertTrue(skipped.bytesFrom(SourceKind.SERVER) >= 5 * CHUNK && track0FromOrigin <= 6 * CHUNK,
                    "track 0: " + skipped.bytesFrom(SourceKind.SERVER) + " B played, " + track0FromOrigin + " B sent");
        }
    }

    @Test
    void aCachedTrackSkippedCountsOnlyWhatWasReadFromTheCache() {
        try (SimTransport sim = new SimTransport(SimConfig.seeded(1).withLatency(LatencyModel.constant(Duration.ofMillis(10))))) {
            Map<String, String> o = Map.of("mode", "server", "tracks", "2", "trackBytes", Long.toString(16 * CHUNK), "chunk",
                    "16384", "bitrate", "16384", "cache", "2", "loss", "0");
            StreamingNetwork net = (StreamingNetwork) new StreamingOverlay().create(NetworkSpec.of("skip", 1, 1).withOptions(o), sim);
            sim.advance(Duration.ofSeconds(1));
            net.preload(PeerId.of(1), 0);
            net.follow(PeerId.of(1), List.of(new ListeningSession(sim.clock().nanos() + S, new int[] {0}, new boolean[1],
                    new long[] {2 * S})));
            sim.advance(Duration.ofSeconds(10));
            PlayRecord r = net.log().plays().get(0);
            // audio starts 55 ms after the click (disk read + sound device; no key in server mode) and is
            // skipped 2 s later, as chunk 2 starts playing: chunks 0, 1 and 2 were read, not all 16
            assertEquals(55_000_000L, r.latencyNanos());
            assertTrue(r.skipped());
            assertEquals(3 * CHUNK, r.bytesFrom(SourceKind.CACHE));
            assertEquals(0, net.log().originBytes());
        }
    }

    /**
     * Listener 1 plays track 3 (40 s) from the server, then tracks 10, 11 and 12 to their end (so
     * it is still online); listener 2 plays track 3 once listener 1 has moved on from it.
     */
    private static PlayRecord secondListener(long listenNanos) throws Exception {
        try (SimTransport sim = Fixtures.sim(43)) {
            StreamingNetwork n = Fixtures.network(sim, 2, PeerSpec.rates(100_000, 1_000_000),
                    Fixtures.options(Fixtures.SHORT_TRACKS, "mode", "hybrid"), null);
            long start = sim.clock().nanos() + S;
            long whole = ListeningSession.WHOLE;
            n.follow(PeerId.of(1), List.of(new ListeningSession(start, new int[] {3, 10, 11, 12}, new boolean[4],
                    new long[] {listenNanos, whole, whole, whole})));
            sim.advance(Duration.ofSeconds(50));
            assertEquals(3, n.log().plays().get(0).track());
            assertEquals(listenNanos != ListeningSession.WHOLE, n.log().plays().get(0).skipped());
            return sim.await(n.play(PeerId.of(2), 3, -1), Duration.ofMinutes(5));
        }
    }

    @Test
    void aTrackSkippedHalfFetchedIsServedToNobody() throws Exception {
        PlayRecord afterWhole = secondListener(ListeningSession.WHOLE);
        assertTrue(afterWhole.bytesFrom(SourceKind.PEER) > 0, "listener 1 held it whole and served it: " + afterWhole);
        PlayRecord afterSkip = secondListener(3 * S);
        assertEquals(0, afterSkip.bytesFrom(SourceKind.PEER), "listener 1 skipped at 3 s and holds no whole copy: " + afterSkip);
        assertEquals(800_000, afterSkip.bytesFrom(SourceKind.SERVER));
        assertFalse(afterSkip.skipped());
    }
}
