package p2plab.streaming.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaybackTest {
    private static final long S = 1_000_000_000L;
    /** 3 chunks of 1,000 bytes at 1,000 B/s, the last one 500 bytes: 2.5 s of audio. */
    private final TrackCatalogue c = new TrackCatalogue(1, 2_500, 1_000, 1_000);

    @Test
    void chunksInTimePlayBackToBackAndTheTrackEndsOnTime() {
        Playback p = new Playback(c, 0);
        p.arrived(1, S / 2);
        assertFalse(p.started());
        p.arrived(0, S);
        assertEquals(S, p.latencyNanos());
        p.arrived(2, S + S / 2);
        assertTrue(p.complete());
        assertEquals(0, p.stutters());
        assertEquals(S + 2_500_000_000L, p.endsAt());
    }

    @Test
    void aLateChunkIsOneStutterAsLongAsTheWait() {
        Playback p = new Playback(c, 0);
        p.arrived(0, 0);
        assertEquals(S / 2, p.bufferedNanos(S / 2));
        p.arrived(1, 3 * S); // due at 1 s
        assertEquals(1, p.stutters());
        assertEquals(2 * S, p.stallNanos());
        assertEquals(S, p.positionAt(3 * S)); // stalled at the end of chunk 0
        assertFalse(p.arrived(1, 4 * S));
        p.arrived(2, 3 * S);
        assertEquals(4_500_000_000L, p.endsAt());
    }

    @Test
    void audioStartsOnceTheStartBufferIsInPlusTheSoundDevice() {
        Playback p = new Playback(c, 0, new Startup(2, 0, S / 10));
        p.arrived(0, S);
        assertFalse(p.started());
        p.arrived(1, 2 * S);
        assertEquals(2 * S + S / 10, p.latencyNanos());
        p.arrived(2, 2 * S); // before its turn at 2.1 s + 2 s
        assertEquals(0, p.stutters());
        assertEquals(2 * S + S / 10 + 2_500_000_000L, p.endsAt());
    }
}
