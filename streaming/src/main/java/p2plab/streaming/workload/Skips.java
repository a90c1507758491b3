package p2plab.streaming.workload;

import java.util.random.RandomGenerator;

/**
 * How long a listener listens to a play before skipping to the next: a share of plays ends in
 * the first 5 s, a larger share by 30 s, a larger one before the end; the rest play to their
 * end. Within each span the skip time is uniform. The default is Spotify's, as Paul Lamere
 * measured it over billions of plays ("The Skip", Music Machinery, 2 May 2014): 24.14% of plays
 * skipped within 5 s, 35.05% within 30 s, 48.6% before the end. That is 2014 data, four years
 * after the 2010 figures the hybrid is compared with; no earlier public figure exists.
 *
 * @param within5s   share of plays skipped in [0, 5) s
 * @param within30s  share skipped in [0, 30) s (includes {@code within5s})
 * @param beforeEnd  share skipped before the end (includes {@code within30s})
 */
public record Skips(double within5s, double within30s, double beforeEnd) {

    /** Nobody skips: every play lasts its whole track. */
    public static final Skips NONE = new Skips(0, 0, 0);

    /** Spotify's listeners (Lamere, 2014). */
    public static final Skips LAMERE = new Skips(0.2414, 0.3505, 0.486);

    public Skips {
        if (within5s < 0 || within30s < within5s || beforeEnd < within30s || beforeEnd > 1) {
            throw new IllegalArgumentException("skip shares must satisfy 0 <= within5s <= within30s <= beforeEnd <= 1");
        }
    }

    public boolean any() {
        return beforeEnd > 0;
    }

    /**
     * Seconds listened to a track of {@code trackSeconds}: in [0, 5), [5, 30) or [30, end) with the
     * shares above (spans cut at the track's end for shorter tracks), or the whole track. One draw.
     */
    public double listenSeconds(RandomGenerator r, double trackSeconds) {
        double u = r.nextDouble();
        double five = Math.min(5, trackSeconds);
        double thirty = Math.min(30, trackSeconds);
        if (u < within5s) {
            return u / within5s * five;
        }
        if (u < within30s) {
            return five + (u - within5s) / (within30s - within5s) * (thirty - five);
        }
        if (u < beforeEnd) {
            return thirty + (u - within30s) / (beforeEnd - within30s) * (trackSeconds - thirty);
        }
        return trackSeconds;
    }
}
