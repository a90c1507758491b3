package p2plab.streaming.media;

/**
 * The music: {@code tracks} tracks of {@code trackBytes} each, cut into {@code chunkBytes}
 * chunks, played at {@code bitrate} bytes per second (Spotify streamed Ogg Vorbis at 160 kbit/s,
 * 20,000 bytes/s; a 4-minute track is then 4.8 MB, 293 chunks of 16 KiB).
 */
public record TrackCatalogue(int tracks, long trackBytes, int chunkBytes, long bitrate) {

    public static final TrackCatalogue DEFAULT = new TrackCatalogue(10_000, 4_800_000, 16_384, 20_000);

    public TrackCatalogue {
        if (tracks < 1) {
            throw new IllegalArgumentException("tracks must be >= 1, got " + tracks);
        }
        if (chunkBytes < 1 || chunkBytes > p2plab.streaming.wire.StreamingCodec.MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("chunk size must be 1.." + p2plab.streaming.wire.StreamingCodec.MAX_CHUNK_BYTES
                    + " bytes, got " + chunkBytes);
        }
        if (trackBytes < 1 || bitrate < 1) {
            throw new IllegalArgumentException("track size and bitrate must be positive");
        }
        if ((trackBytes + chunkBytes - 1) / chunkBytes > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("a track of " + trackBytes + " bytes has too many chunks; use bigger chunks");
        }
    }

    public int chunks() {
        return (int) ((trackBytes + chunkBytes - 1) / chunkBytes);
    }

    /** Bytes in chunk {@code index} (the last one may be short). */
    public int chunkLength(int index) {
        long rest = trackBytes - (long) index * chunkBytes;
        return (int) Math.min(chunkBytes, rest);
    }

    /** Playback position where chunk {@code index} starts, in nanoseconds of audio ({@code chunks()} gives the end). */
    public long positionNanos(int index) {
        return Math.min(Math.round((double) index * chunkBytes * 1e9 / bitrate), durationNanos());
    }

    /** The track's length in nanoseconds of audio. */
    public long durationNanos() {
        return Math.round(trackBytes * 1e9 / bitrate);
    }

    /** The chunk that holds playback position {@code nanos} (clamped to the track). */
    public int chunkAt(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        long index = (long) Math.floor(nanos / 1e9 * bitrate / chunkBytes);
        return (int) Math.min(index, chunks() - 1L);
    }

    public boolean valid(int track) {
        return track >= 0 && track < tracks;
    }

    /** True when chunks {@code first..first+count-1} of {@code track} exist. */
    public boolean validRange(int track, int first, int count) {
        return valid(track) && first >= 0 && count >= 1 && (long) first + count <= chunks();
    }
}
