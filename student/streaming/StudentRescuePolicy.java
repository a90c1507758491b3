package streaming;

import p2plab.streaming.policy.RescuePolicy;

/**
 * Lab 8: your prefetch and server-fallback policy for the Spotify-style hybrid. Read
 * docs/labs/lab8-streaming.md, then replace the TODOs. Grade it with `./p2plab grade streaming`.
 */
public class StudentRescuePolicy implements RescuePolicy {

    @Override
    public Prefetch prefetch(NextTrack next) {
        throw new UnsupportedOperationException("TODO: when to search for the next track, when to fetch it from the server");
    }

    @Override
    public boolean leavePeer(double silentSeconds, double bufferedSeconds) {
        throw new UnsupportedOperationException("TODO: when a slow or silent peer is left for another peer or the server");
    }
}
