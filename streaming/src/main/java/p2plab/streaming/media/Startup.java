package p2plab.streaming.media;

/**
 * What a player pays to start a track, besides waiting for the network (docs/streaming.md,
 * "What a real client pays"). Audio starts once the first {@code bufferChunks} chunks are in
 * and, with {@code keyFetch}, the track's decryption key has come back from the origin server,
 * plus {@code outputNanos}; chunks the listener already holds (its cache, or a prefetch) are in
 * {@code diskReadNanos} after the click.
 *
 * @param bufferChunks  chunks from the start of the track that must be in before audio starts (at least 1)
 * @param diskReadNanos time to read the start of a track held locally
 * @param outputNanos   time from the first decoded audio to the sound device playing it
 * @param keyFetch      every play, cached or not, asks the origin for the track's key (one round trip, in
 *                      parallel with reading or fetching the start of the track), as Spotify's client did
 */
public record Startup(int bufferChunks, long diskReadNanos, long outputNanos, boolean keyFetch) {

    /** No cost at all: audio starts the moment chunk 0 is in. */
    public static final Startup NONE = new Startup(1, 0, 0, false);

    /**
     * One chunk (0.82 s of audio at 160 kbit/s); two random reads of a desktop disk of 2010 for a
     * local start (index, then data: 8.5 ms average seek + 4.2 ms half a turn at 7,200 rpm each,
     * about 25 ms); 30 ms for the sound device (Windows' kernel mixer adds about that); the
     * track's key fetched from the server on every play (Spotify's hybrid; off in the server and
     * CDN modes, see docs/streaming.md).
     */
    public static final Startup DEFAULT = new Startup(1, 25_000_000L, 30_000_000L, true);

    public Startup {
        if (bufferChunks < 1 || diskReadNanos < 0 || outputNanos < 0) {
            throw new IllegalArgumentException("the start buffer must be >= 1 chunk and the start costs >= 0");
        }
    }

    /** Without the key round trip. */
    public Startup(int bufferChunks, long diskReadNanos, long outputNanos) {
        this(bufferChunks, diskReadNanos, outputNanos, false);
    }
}
