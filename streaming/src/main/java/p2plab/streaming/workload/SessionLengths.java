package p2plab.streaming.workload;

import java.util.random.RandomGenerator;

/**
 * How long a listener stays: Weibull, heavy-tailed like measured peer sessions (Stutzbach and
 * Rejaie, IMC 2006, fit shapes 0.34-0.59 to BitTorrent sessions). The default, shape 0.5 and
 * scale 30 minutes, has a mean of one hour and a median of 14 minutes.
 *
 * @param shape          Weibull k
 * @param scaleSeconds   Weibull lambda
 */
public record SessionLengths(double shape, double scaleSeconds) {

    public static final SessionLengths DEFAULT = new SessionLengths(0.5, 1_800);

    public SessionLengths {
        if (shape <= 0 || scaleSeconds <= 0) {
            throw new IllegalArgumentException("Weibull shape and scale must be > 0");
        }
    }

    /** One session length in seconds (inverse transform: lambda * (-ln U)^(1/k)). */
    public double sampleSeconds(RandomGenerator random) {
        double u = 1 - random.nextDouble(); // in (0, 1]
        return scaleSeconds * Math.pow(-Math.log(u), 1 / shape);
    }

    /** Mean length in seconds: lambda * Gamma(1 + 1/k). */
    public double meanSeconds() {
        return scaleSeconds * Math.exp(logGamma(1 + 1 / shape));
    }

    /** Lanczos approximation of ln Gamma(x), x > 0. */
    static double logGamma(double x) {
        double[] c = {76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155,
                0.1208650973866179e-2, -0.5395239384953e-5};
        double y = x;
        double tmp = x + 5.5;
        tmp -= (x + 0.5) * Math.log(tmp);
        double ser = 1.000000000190015;
        for (double ci : c) {
            ser += ci / ++y;
        }
        return -tmp + Math.log(2.5066282746310005 * ser / x);
    }
}
