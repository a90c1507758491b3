package p2plab.labs.assignment.streaming.reference;

import p2plab.streaming.policy.RescuePolicy;
import p2plab.streaming.policy.SpotifyRescue;

/**
 * Lab 8's reference solution: the overlay's own Spotify rules. Look for the next track 30 s
 * before the end; with 10 s left and no peer found, fetch its start from the server; leave a
 * peer that has sent nothing for 2 s (its chunks go to another peer or the server).
 */
public final class ReferenceRescuePolicy implements RescuePolicy {
    private final SpotifyRescue rules = new SpotifyRescue(30, 10, 2);

    @Override
    public Prefetch prefetch(NextTrack next) {
        return rules.prefetch(next);
    }

    @Override
    public boolean leavePeer(double silentSeconds, double bufferedSeconds) {
        return rules.leavePeer(silentSeconds, bufferedSeconds);
    }
}
