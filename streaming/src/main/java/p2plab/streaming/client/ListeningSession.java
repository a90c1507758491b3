package p2plab.streaming.client;

/**
 * One listening session of one listener: when it starts, and the tracks played one after
 * another. {@code predictable[i]} says whether play i followed from play i-1 in a known order
 * (an album or a playlist), which is what lets a client prefetch it.
 */
public record ListeningSession(long startNanos, int[] tracks, boolean[] predictable) {

    public ListeningSession {
        if (tracks.length == 0 || tracks.length != predictable.length) {
            throw new IllegalArgumentException("a session plays at least one track, with one predictable flag per track");
        }
        tracks = tracks.clone();
        predictable = predictable.clone();
    }
}
