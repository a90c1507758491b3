package p2plab.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.sim.LatencyModel;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.streaming.measure.PlayRecord;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.wire.StreamingCodec;

/**
 * One listener, one server, 10 ms links, a 4-chunk track of 16 KiB chunks played at
 * 16,384 B/s (one second per chunk). Every figure below is worked out by hand in the comments:
 * a chunk frame is 16,384 + 13 bytes; a message of s bytes over uplink u arrives s/u + 10 ms
 * after it goes out; the request (21 bytes, unlimited uplink) takes 10 ms.
 *
 * <p>What a real client pays on top, with the default costs: the server connection's round trip
 * is 20 ms (measured when it opened); its first chunk comes in TCP slow start (a frame of
 * 16,397 B is 12 segments of 1,460; windows of 3, 6, then 12 segments: two round trips more,
 * 40 ms); the sound device adds 30 ms; a cached track is read from disk in 25 ms. Loss is off
 * here ({@code loss=0}): its draws are random ({@code TcpArrivalsTest} checks them).
 *
 * <p>With the key round trip on ({@code drm=on}; the server mode's default is off): the key
 * request (13 bytes, unlimited uplink) takes 10 ms; the key (29 bytes: 16 of AES key, 8 of id
 * and track, 5 of frame) leaves the server ahead of any chunk, 29 / 32,768 s = 0.885 ms, and
 * arrives 10 ms later: the round trip is 20.885 ms. Audio starts when both the key and chunk 0
 * are in.
 */
class OneListenerOneServerByHandTest {
    private static final long MS = 1_000_000L;
    private static final int FRAME = 16_384 + StreamingCodec.CHUNK_OVERHEAD;

    private static final long SLOW_START = 2 * 20 * MS;
    private static final long OUTPUT = 30 * MS;
    private static final long DISK = 25 * MS;

    private static PlayRecord playOnce(long serverUpload) throws Exception {
        return play(serverUpload, 1).get(0);
    }

    /** Plays track 0 {@code times} times in a row on listener 1. */
    private static java.util.List<PlayRecord> play(long serverUpload, int times, String... more) throws Exception {
        java.util.List<PlayRecord> out = new java.util.ArrayList<>();
        try (SimTransport sim = new SimTransport(SimConfig.seeded(1).withLatency(LatencyModel.constant(Duration.ofMillis(10))))) {
            Map<String, String> o = Fixtures.options(Map.of("mode", "server", "tracks", "1", "trackBytes", "65536", "chunk", "16384",
                    "bitrate", "16384", "serverUpload", Long.toString(serverUpload), "cache", "1", "loss", "0"), more);
            StreamingNetwork net = (StreamingNetwork) new StreamingOverlay().create(NetworkSpec.of("hand", 1, 1).withOptions(o), sim);
            for (int i = 0; i < times; i++) {
                sim.advance(Duration.ofSeconds(1)); // connected, Hello delivered
                long t0 = sim.clock().nanos();
                PlayRecord r = sim.await(net.play(PeerId.of(1), 0, -1), Duration.ofMinutes(1));
                assertEquals(t0, r.playAtNanos());
                out.add(r);
            }
            return out;
        }
    }

    /** Nanoseconds to send {@code bytes} at {@code rate} bytes/s. */
    private static long send(long bytes, long rate) {
        return (long) Math.ceil(bytes * 1e9 / rate);
    }

    @Test
    void aServerTwiceAsFastAsPlaybackStartsAfterOneChunkAndNeverStutters() throws Exception {
        PlayRecord r = playOnce(32_768);
        // request 10 ms + chunk 0 at 32,768 B/s (16,397 B: 500.396729 ms) + 10 ms, + slow start 40 ms + sound device 30 ms
        assertEquals(10 * MS + send(FRAME, 32_768) + 10 * MS + SLOW_START + OUTPUT, r.latencyNanos(), 1_000);
        // chunk k+1 arrives 500 ms after chunk k, half a second before its turn to play
        assertEquals(0, r.stutters());
        assertEquals(65_536, r.bytesFrom(SourceKind.SERVER));
        assertEquals(0, r.bytesFrom(SourceKind.PEER) + r.bytesFrom(SourceKind.EDGE) + r.bytesFrom(SourceKind.CACHE));
    }

    @Test
    void aServerAtHalfThePlaybackRateStuttersBeforeEveryChunkButTheFirst() throws Exception {
        PlayRecord r = playOnce(8_192);
        long perChunk = send(FRAME, 8_192); // 2.001586914 s per chunk frame
        assertEquals(20 * MS + perChunk + SLOW_START + OUTPUT, r.latencyNanos(), 1_000);
        // Chunk 1 arrives perChunk after chunk 0 reached the socket, but is due 1 s after audio
        // started, which was 70 ms (slow start + device) after that: a wait of perChunk - 1 s - 70 ms.
        // Chunks 2 and 3 (the server kept sending, so no new slow start) each wait perChunk - 1 s.
        assertEquals(3, r.stutters());
        assertEquals(3 * (perChunk - 1_000 * MS) - SLOW_START - OUTPUT, r.stallNanos(), 3_000);
        assertEquals(perChunk - 1_000 * MS, r.longestStallNanos(), 1_000);
        assertEquals(65_536, r.bytesFrom(SourceKind.SERVER));
    }

    @Test
    void aSecondPlayComesFromTheCacheAfterOneDiskReadAndTheSoundDevice() throws Exception {
        PlayRecord again = play(32_768, 2).get(1);
        assertEquals(DISK + OUTPUT, again.latencyNanos());
        assertEquals(0, again.stutters());
        assertEquals(65_536, again.bytesFrom(SourceKind.CACHE));
        assertEquals(0, again.bytesFrom(SourceKind.SERVER));
    }

    private static final long KEY_ROUND_TRIP = 10 * MS + send(29, 32_768) + 10 * MS; // 20.885 ms

    @Test
    void theKeyRoundTripAddsExactlyItselfToACachedReplayWhenNothingElseIsSlower() throws Exception {
        // disk read 0: audio waits only for the key, then the sound device
        PlayRecord again = play(32_768, 2, "drm", "on", "diskRead", "0").get(1);
        assertEquals(KEY_ROUND_TRIP + OUTPUT, again.latencyNanos());
        assertEquals(65_536, again.bytesFrom(SourceKind.CACHE));
        PlayRecord noKey = play(32_768, 2, "drm", "off", "diskRead", "0").get(1);
        assertEquals(OUTPUT, noKey.latencyNanos());
        assertEquals(KEY_ROUND_TRIP, again.latencyNanos() - noKey.latencyNanos());
    }

    @Test
    void theKeyOverlapsTheDiskRead() throws Exception {
        // the key is in after 20.885 ms, before the 25 ms disk read ends: a replay still costs 55 ms
        assertEquals(DISK + OUTPUT, play(32_768, 2, "drm", "on").get(1).latencyNanos());
    }

    @Test
    void onAFirstPlayTheKeyGoesOutAheadOfChunkZero() throws Exception {
        PlayRecord r = play(32_768, 1, "drm", "on").get(0);
        // request 10 ms + key 0.885 ms then chunk 0 500.397 ms on the server's uplink + 10 ms, + slow start + device:
        // the key is in long before chunk 0 and costs only its 29 bytes on the uplink
        assertEquals(10 * MS + send(29, 32_768) + send(FRAME, 32_768) + 10 * MS + SLOW_START + OUTPUT, r.latencyNanos(), 1_000);
    }
}
