package p2plab.common.content;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

/**
 * The Zipf(n, s) distribution over ranks 1..n: rank k has probability proportional to 1 / k^s.
 * It models popularity in file sharing (a few files are asked for very often, most rarely).
 * s = 0 is uniform; larger s concentrates on the first ranks. Sampling is a binary search in the
 * precomputed cumulative distribution, so it costs O(log n) and n doubles of memory.
 */
public final class Zipf {
    private final int n;
    private final double s;
    private final double[] cdf; // cdf[k-1] = P(rank <= k); cdf[n-1] = 1

    public Zipf(int n, double s) {
        if (n < 1) {
            throw new IllegalArgumentException("Zipf needs n >= 1 ranks, got " + n);
        }
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("the Zipf exponent must be a number >= 0, got " + s);
        }
        this.n = n;
        this.s = s;
        this.cdf = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += weight(k);
            cdf[k - 1] = sum;
        }
        for (int k = 0; k < n; k++) {
            cdf[k] /= sum;
        }
        cdf[n - 1] = 1.0; // so that rounding never leaves a draw past the end
    }

    public int n() {
        return n;
    }

    public double exponent() {
        return s;
    }

    /** P(rank = k), for 1 <= k <= n. */
    public double probability(int rank) {
        if (rank < 1 || rank > n) {
            throw new IndexOutOfBoundsException("rank " + rank + " of 1.." + n);
        }
        return rank == 1 ? cdf[0] : cdf[rank - 1] - cdf[rank - 2];
    }

    /** A rank in 1..n drawn with {@code random}. */
    public int sample(RandomGenerator random) {
        double u = random.nextDouble();
        int i = Arrays.binarySearch(cdf, u);
        // Not found gives -(insertion point) - 1: the first k with cdf > u. Found means cdf == u,
        // which belongs to the next rank (P(rank <= k) < u is false only past it).
        int index = i >= 0 ? i + 1 : -i - 1;
        return Math.min(index, n - 1) + 1;
    }

    /** An endless stream of ranks from its own generator seeded with {@code seed}. */
    public IntSupplier sampler(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return () -> sample(random);
    }

    private double weight(int rank) {
        return s == 0 ? 1.0 : Math.pow(rank, -s);
    }

    @Override
    public String toString() {
        return "Zipf(n=" + n + ", s=" + s + ")";
    }
}
