package p2plab.streaming.policy;

/**
 * Spotify's published rules (Kreitz and Niemelä, IEEE P2P 2010): search for the next track 30 s
 * before the current one ends; if no peer has it with 10 s left, take it from the server; leave
 * a peer that has been silent longer than the fallback threshold.
 *
 * @param searchAtSecondsLeft start looking for the next track this long before the end
 * @param serverAtSecondsLeft fetch the next track from the server this long before the end, if no peer has it
 * @param fallbackSeconds     leave a peer that sent nothing for this long
 */
public record SpotifyRescue(double searchAtSecondsLeft, double serverAtSecondsLeft, double fallbackSeconds)
        implements RescuePolicy {

    public static final SpotifyRescue DEFAULTS = new SpotifyRescue(30, 10, 2);

    public SpotifyRescue {
        if (searchAtSecondsLeft < serverAtSecondsLeft || serverAtSecondsLeft < 0 || fallbackSeconds <= 0) {
            throw new IllegalArgumentException("need searchAt >= serverAt >= 0 s and fallback > 0 s");
        }
    }

    @Override
    public Prefetch prefetch(NextTrack next) {
        if (next.fetching()) {
            return Prefetch.WAIT;
        }
        if (next.secondsLeft() <= serverAtSecondsLeft && next.holdersFound() == 0) {
            return Prefetch.FETCH_FROM_SERVER;
        }
        if (next.secondsLeft() <= searchAtSecondsLeft && !next.searched()) {
            return Prefetch.SEARCH;
        }
        return Prefetch.WAIT;
    }

    @Override
    public boolean leavePeer(double silentSeconds, double bufferedSeconds) {
        return silentSeconds >= fallbackSeconds;
    }
}
