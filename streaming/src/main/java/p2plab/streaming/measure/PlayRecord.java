package p2plab.streaming.measure;

import p2plab.streaming.media.SourceKind;

/**
 * One play as the listener saw it.
 *
 * @param listener       the peer's label
 * @param track          what it played
 * @param playAtNanos    protocol time of the click on play
 * @param latencyNanos   from play to the first audio
 * @param stutters       times playback waited for data
 * @param stallNanos     total time it waited
 * @param longestStallNanos the longest single wait
 * @param bytes          bytes of this track by {@link SourceKind} ordinal (server, edge, peer, cache)
 * @param localStart     the first chunk was already on the listener when play was clicked (cache or prefetch)
 * @param skipped        the listener skipped to the next play before this one's end
 */
public record PlayRecord(String listener, int track, long playAtNanos, long latencyNanos, int stutters, long stallNanos,
                         long longestStallNanos, long[] bytes, boolean localStart, boolean skipped) {

    public PlayRecord {
        bytes = bytes.clone();
    }

    public long bytesFrom(SourceKind kind) {
        return bytes[kind.ordinal()];
    }

    public double latencyMillis() {
        return latencyNanos / 1e6;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s played track %d: latency %.1f ms, %d stutters (%.1f s), "
                        + "server %d B, edge %d B, peers %d B, cache %d B%s", listener, track, latencyMillis(), stutters,
                stallNanos / 1e9, bytes[0], bytes[1], bytes[2], bytes[3], skipped ? ", skipped" : "");
    }
}
