package p2plab.labs.experiment.churn;

import java.util.random.RandomGenerator;

/**
 * How long a peer stays online (or offline) before it changes: exponential (memoryless, the
 * usual churn model) or Pareto (heavy-tailed: most sessions short, a few very long, as measured
 * in real file-sharing networks). Both are parameterised by their mean, in seconds.
 */
public enum SessionTimes {
    EXPONENTIAL,
    /** Pareto with shape 1.5 (finite mean, infinite variance). */
    PARETO;

    private static final double PARETO_SHAPE = 1.5;

    /** A session length in seconds with the given mean. */
    public double sample(double meanSeconds, RandomGenerator random) {
        double u = 1.0 - random.nextDouble(); // in (0, 1]
        if (this == EXPONENTIAL) {
            return -meanSeconds * Math.log(u);
        }
        double scale = meanSeconds * (PARETO_SHAPE - 1) / PARETO_SHAPE;
        return scale / Math.pow(u, 1 / PARETO_SHAPE);
    }

    public static SessionTimes parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "exponential", "exp" -> EXPONENTIAL;
            case "pareto" -> PARETO;
            default -> throw new IllegalArgumentException("session times are 'exponential' or 'pareto', got '" + s + "'");
        };
    }
}
