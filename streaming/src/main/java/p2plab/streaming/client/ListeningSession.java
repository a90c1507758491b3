package p2plab.streaming.client;

import java.util.Arrays;

/**
 * One listening session of one listener: when it starts, and the tracks played one after
 * another. {@code predictable[i]} says whether play i followed from play i-1 in a known order
 * (an album or a playlist), which is what lets a client prefetch it. {@code listenNanos[i]} is
 * how long play i is listened to once its audio has started: the listener skips to the next
 * play then; {@link #WHOLE} (or anything at least the track's length) plays it to its end.
 */
public record ListeningSession(long startNanos, int[] tracks, boolean[] predictable, long[] listenNanos) {
    /** Listened to its end. */
    public static final long WHOLE = Long.MAX_VALUE;

    public ListeningSession {
        if (tracks.length == 0 || tracks.length != predictable.length || tracks.length != listenNanos.length) {
            throw new IllegalArgumentException("a session plays at least one track, with one predictable flag and one "
                    + "listening time per track");
        }
        tracks = tracks.clone();
        predictable = predictable.clone();
        listenNanos = listenNanos.clone();
    }

    /** Every track listened to its end. */
    public ListeningSession(long startNanos, int[] tracks, boolean[] predictable) {
        this(startNanos, tracks, predictable, whole(tracks.length));
    }

    private static long[] whole(int n) {
        long[] l = new long[n];
        Arrays.fill(l, WHOLE);
        return l;
    }

    /** Audio time the session lasts if nothing waits: each play's listening time, at most {@code trackNanos}. */
    public long audioNanos(long trackNanos) {
        long sum = 0;
        for (long l : listenNanos) {
            sum += Math.min(l, trackNanos);
        }
        return sum;
    }
}
