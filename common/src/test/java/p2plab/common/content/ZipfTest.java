package p2plab.common.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class ZipfTest {

    @Test
    void probabilitiesFollowOneOverRankToTheS() {
        Zipf z = new Zipf(100, 1.0);
        double h = 0;
        for (int k = 1; k <= 100; k++) {
            h += 1.0 / k;
        }
        assertEquals(1 / h, z.probability(1), 1e-12);
        assertEquals(z.probability(1) / 10, z.probability(10), 1e-12);
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            sum += z.probability(k);
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void samplesMatchTheDistribution() {
        Zipf z = new Zipf(50, 1.2);
        SplittableRandom r = new SplittableRandom(1);
        int draws = 200_000;
        int[] counts = new int[51];
        for (int i = 0; i < draws; i++) {
            counts[z.sample(r)]++;
        }
        // Frequencies within a few standard deviations of the expectation.
        for (int k : new int[] {1, 2, 5, 10, 50}) {
            double p = z.probability(k);
            double sd = Math.sqrt(draws * p * (1 - p));
            assertEquals(draws * p, counts[k], 5 * sd, "rank " + k);
        }
        // Shape: rank 1 against rank 2 is about 2^s.
        assertEquals(Math.pow(2, 1.2), (double) counts[1] / counts[2], 0.1);
    }

    @Test
    void exponentZeroIsUniform() {
        Zipf z = new Zipf(4, 0);
        for (int k = 1; k <= 4; k++) {
            assertEquals(0.25, z.probability(k), 1e-12);
        }
    }

    @Test
    void largerExponentConcentratesOnTheHead() {
        assertTrue(new Zipf(1000, 1.5).probability(1) > new Zipf(1000, 0.8).probability(1));
    }

    @Test
    void samplesStayInRange() {
        Zipf z = new Zipf(3, 2.0);
        IntSupplier s = z.sampler(9);
        for (int i = 0; i < 10_000; i++) {
            int k = s.getAsInt();
            assertTrue(k >= 1 && k <= 3);
        }
        assertEquals(1, new Zipf(1, 1).sample(new SplittableRandom(0)));
    }

    @Test
    void sameSeedSameRanks() {
        IntSupplier a = new Zipf(1000, 0.9).sampler(5);
        IntSupplier b = new Zipf(1000, 0.9).sampler(5);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.getAsInt(), b.getAsInt());
        }
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Zipf(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Zipf(10, -1));
        assertThrows(IllegalArgumentException.class, () -> new Zipf(10, Double.NaN));
    }
}
