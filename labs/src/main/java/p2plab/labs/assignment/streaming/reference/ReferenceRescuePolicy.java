package p2plab.labs.assignment.streaming.reference;

import p2plab.streaming.policy.RescuePolicy;

/**
 * Lab 8's reference solution: Spotify's rules. Look for the next track 30 s before the end;
 * with 10 s left and no peer found, fetch its start from the server; leave a peer that has
 * sent nothing for 2 s (its chunks go to another peer or the server).
 */
public final class ReferenceRescuePolicy implements RescuePolicy {
    static final double SEARCH_AT = 30;
    static final double SERVER_AT = 10;
    static final double FALLBACK = 2;

    @Override
    public Prefetch prefetch(NextTrack next) {
        if (next.fetching()) {
            return Prefetch.WAIT;
        }
        if (next.secondsLeft() <= SERVER_AT && next.holdersFound() == 0) {
            return Prefetch.FETCH_FROM_SERVER;
        }
        if (next.secondsLeft() <= SEARCH_AT && !next.searched()) {
            return Prefetch.SEARCH;
        }
        return Prefetch.WAIT;
    }

    @Override
    public boolean leavePeer(double silentSeconds, double bufferedSeconds) {
        return silentSeconds >= FALLBACK;
    }
}
