package p2plab.streaming.workload;

import java.util.random.RandomGenerator;
import p2plab.common.content.Zipf;

/**
 * Which track a listener picks: Zipf over the catalogue, track 0 the most popular. The default
 * exponent is tuned so that the most popular 12% of tracks draw 88% of plays, the skew of
 * Spotify's catalogue (Kreitz and Niemelä: 88% of plays on 12% of the tracks).
 */
public final class Popularity {
    private final Zipf zipf;

    public Popularity(int tracks, double exponent) {
        this.zipf = new Zipf(tracks, exponent);
    }

    /** The exponent for which the top {@code topShare} of {@code tracks} draw {@code playShare} of plays. */
    public static double exponentFor(int tracks, double topShare, double playShare) {
        int top = Math.max(1, (int) (topShare * tracks));
        double lo = 0;
        double hi = 4;
        for (int i = 0; i < 50; i++) {
            double s = (lo + hi) / 2;
            if (cdf(new Zipf(tracks, s), top) < playShare) {
                lo = s;
            } else {
                hi = s;
            }
        }
        return (lo + hi) / 2;
    }

    /** Spotify's skew: the top 12% of tracks get 88% of plays. */
    public static Popularity spotify(int tracks) {
        return new Popularity(tracks, exponentFor(tracks, 0.12, 0.88));
    }

    public double exponent() {
        return zipf.exponent();
    }

    /** The share of plays the most popular {@code top} tracks get. */
    public double shareOfTop(int top) {
        return cdf(zipf, top);
    }

    private static double cdf(Zipf z, int top) {
        double sum = 0;
        for (int k = 1; k <= Math.min(top, z.n()); k++) {
            sum += z.probability(k);
        }
        return sum;
    }

    /** A track id, 0 the most popular. */
    public int pick(RandomGenerator random) {
        return zipf.sample(random) - 1;
    }
}
