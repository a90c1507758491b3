package p2plab.labs.experiment.churn;

import java.util.random.RandomGenerator;

/**
 * Session lengths drawn from a Weibull distribution, as measured in deployed DHTs (shape about
 * 0.4 to 0.6: most sessions short, a few very long). Given by its median, which needs no Gamma
 * function: median = scale * (ln 2)^(1/shape).
 */
public record WeibullSessions(double shape, double medianSeconds) {

    public WeibullSessions {
        if (!(shape > 0) || !(medianSeconds > 0)) {
            throw new IllegalArgumentException("a Weibull needs a positive shape and median, got shape " + shape
                    + " and median " + medianSeconds + " s");
        }
    }

    /** A session length in seconds: the inverse of the Weibull distribution function. */
    public double sample(RandomGenerator random) {
        double scale = medianSeconds / Math.pow(Math.log(2), 1 / shape);
        double u = 1.0 - random.nextDouble(); // in (0, 1]
        return scale * Math.pow(-Math.log(u), 1 / shape);
    }
}
