package p2plab.streaming.policy;

/**
 * The two decisions that keep Spotify's playback smooth while peers do most of the work
 * (Lab 8 asks students to write them):
 *
 * <ul>
 *   <li><b>prefetch</b>: while a track plays and the listener knows what comes next, when to
 *       look for the next track among peers, and when to give up on peers and fetch its start
 *       from the server;</li>
 *   <li><b>fallback</b>: when a peer that was asked for chunks is too slow or silent, whether to
 *       leave it (its chunks are then asked of another peer, or of the server).</li>
 * </ul>
 *
 * Both are asked on the listener's thread, from its timers; they must be quick and must not
 * keep state that outlives one call (one policy object serves every listener).
 */
public interface RescuePolicy {

    /** What to do about the next track now. */
    Prefetch prefetch(NextTrack next);

    /**
     * True to leave {@code peer}: a peer holds chunks we asked for.
     *
     * @param silentSeconds   time since that peer last sent us a chunk (or since we asked, if it never did)
     * @param bufferedSeconds audio buffered ahead of the playhead (a large number while prefetching)
     */
    boolean leavePeer(double silentSeconds, double bufferedSeconds);

    /** A decision about the next track. */
    enum Prefetch {
        /** Do nothing yet. */
        WAIT,
        /** Ask the tracker and the overlay who holds it (peers found then serve it, into the cache). */
        SEARCH,
        /** Fetch its first seconds from the server now, so that it starts at once. */
        FETCH_FROM_SERVER
    }

    /**
     * What the listener knows about the next track when it asks.
     *
     * @param secondsLeft    audio left in the current track
     * @param searched       a search for the next track was started
     * @param searchDone     that search has ended
     * @param holdersFound   peers found that hold it
     * @param fetching       its chunks are being fetched already (from peers or the server)
     */
    record NextTrack(double secondsLeft, boolean searched, boolean searchDone, int holdersFound, boolean fetching) {
    }
}
