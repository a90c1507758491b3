package p2plab.streaming.client;

/**
 * How every listener behaves, whatever the mode; every policy number of the design is here.
 *
 * @param aheadSeconds        how far ahead of the playhead a listener fetches from a server or edge when no peer serves
 * @param refillChunks        fetch from the server again once the horizon has moved this many chunks (fewer requests)
 * @param cacheTracks         local cache size in whole tracks (LRU); 0 = no cache
 * @param softNeighbours      above this many neighbours, the least recently used idle one is dropped (Spotify: 50)
 * @param hardNeighbours      never more neighbours than this; further connections are refused (Spotify: 60)
 * @param uploadSlots         peers served at once (Spotify: 4)
 * @param serverHeadSeconds   the start of a track always comes from the server (Spotify: about 15 s)
 * @param serverAheadSeconds  while peers serve, the server is never asked for more than this far ahead (Spotify: 15 s)
 * @param searchDepth         overlay search depth (Spotify: 2)
 * @param trackerPeers        most recent holders the tracker keeps per track (Spotify: 20)
 * @param peerBatchChunks     chunks asked of one peer at a time
 * @param peersPerTrack       peers a listener downloads one track from at once
 * @param searchTimeoutSeconds how long a search waits for overlay answers
 * @param watchdogSeconds     how often a download from peers is checked for slow or silent peers
 */
public record ClientSettings(double aheadSeconds, int refillChunks, int cacheTracks, int softNeighbours, int hardNeighbours,
                             int uploadSlots, double serverHeadSeconds, double serverAheadSeconds, int searchDepth,
                             int trackerPeers, int peerBatchChunks, int peersPerTrack, double searchTimeoutSeconds,
                             double watchdogSeconds) {

    /** Spotify's published numbers where it published them; ours (commented in docs/streaming.md) elsewhere. */
    public static final ClientSettings DEFAULTS = new ClientSettings(30, 8, 200, 50, 60, 4, 15, 15, 2, 20, 32, 2, 0.5, 0.25);

    public ClientSettings {
        if (aheadSeconds <= 0 || serverHeadSeconds < 0 || serverAheadSeconds <= 0 || searchTimeoutSeconds <= 0
                || watchdogSeconds <= 0) {
            throw new IllegalArgumentException("ahead, serverAhead, searchTimeout and watchdog must be > 0 s; serverHead >= 0 s");
        }
        if (refillChunks < 1 || peerBatchChunks < 1 || peersPerTrack < 1 || uploadSlots < 0
                || trackerPeers < 0 || trackerPeers > p2plab.streaming.wire.StreamingCodec.MAX_PEERS || cacheTracks < 0) {
            throw new IllegalArgumentException("refill, peerBatch and peersPerTrack must be >= 1; slots and cache >= 0; "
                    + "trackerPeers 0.." + p2plab.streaming.wire.StreamingCodec.MAX_PEERS);
        }
        if (searchDepth < 0 || searchDepth > p2plab.streaming.wire.StreamingCodec.MAX_TTL) {
            throw new IllegalArgumentException("depth must be 0.." + p2plab.streaming.wire.StreamingCodec.MAX_TTL
                    + " (a search's TTL is one byte on the wire), got " + searchDepth);
        }
        if (softNeighbours < 1 || hardNeighbours < softNeighbours) {
            throw new IllegalArgumentException("neighbours need 1 <= soft <= hard, got soft " + softNeighbours + ", hard "
                    + hardNeighbours);
        }
    }

    /** {@code seconds} in protocol nanoseconds (truncated), as the listener's timers take them. */
    static long nanos(double seconds) {
        return (long) (seconds * 1_000_000_000L);
    }

    public ClientSettings withCacheTracks(int tracks) {
        return new ClientSettings(aheadSeconds, refillChunks, tracks, softNeighbours, hardNeighbours, uploadSlots,
                serverHeadSeconds, serverAheadSeconds, searchDepth, trackerPeers, peerBatchChunks, peersPerTrack,
                searchTimeoutSeconds, watchdogSeconds);
    }

    public ClientSettings withAheadSeconds(double seconds) {
        return new ClientSettings(seconds, refillChunks, cacheTracks, softNeighbours, hardNeighbours, uploadSlots,
                serverHeadSeconds, serverAheadSeconds, searchDepth, trackerPeers, peerBatchChunks, peersPerTrack,
                searchTimeoutSeconds, watchdogSeconds);
    }
}
