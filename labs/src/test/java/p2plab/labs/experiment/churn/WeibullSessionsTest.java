package p2plab.labs.experiment.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeibullSessionsTest {

    @Test
    void sessionsHaveTheMedianTheyAreAskedFor() {
        for (double shape : new double[] {0.4, 0.6}) {
            WeibullSessions w = new WeibullSessions(shape, 600);
            SplittableRandom random = new SplittableRandom(3);
            int n = 100_001;
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = w.sample(random);
            }
            Arrays.sort(s);
            assertEquals(600, s[n / 2], 15, "median at shape " + shape);
            // shape < 1: heavy tail, the mean (scale * Gamma(1 + 1/shape)) lies far above the median
            assertEquals(true, Arrays.stream(s).average().orElseThrow() > 2 * 600, "mean at shape " + shape);
        }
    }

    @Test
    void aShapeOfZeroIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WeibullSessions(0, 600));
    }
}
