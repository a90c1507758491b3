package p2plab.common.transport.sim;

import java.time.Duration;
import p2plab.common.transport.NodeSeeds;

/**
 * One-way delay of each simulated link, fixed per pair of nodes (so a link keeps its latency,
 * and messages on it stay in order). Nodes are numbered in the order they were opened.
 */
@FunctionalInterface
public interface LatencyModel {

    /** One-way latency in nanoseconds from node {@code a} to node {@code b}. */
    long nanos(int a, int b);

    /** Every link has the same latency. */
    static LatencyModel constant(Duration latency) {
        long ns = latency.toNanos();
        return (a, b) -> ns;
    }

    /** Each link draws its latency once, uniformly from [min, max], from the seed. */
    static LatencyModel uniform(Duration min, Duration max, long seed) {
        long lo = min.toNanos();
        long span = max.toNanos() - lo;
        if (span < 0) {
            throw new IllegalArgumentException("uniform latency needs min <= max");
        }
        return (a, b) -> {
            long x = mix(seed ^ mix(((long) Math.min(a, b) << 32) | Math.max(a, b)));
            return lo + Math.floorMod(x, span + 1);
        };
    }

    /** Latency from a matrix in milliseconds, indexed by node number modulo its size. */
    static LatencyModel matrix(double[][] millis) {
        int n = millis.length;
        for (double[] row : millis) {
            if (row.length != n) {
                throw new IllegalArgumentException("a latency matrix must be square");
            }
        }
        return (a, b) -> (long) (millis[a % n][b % n] * 1_000_000L);
    }

    /** SplitMix64's finaliser, as node seeds use it. */
    static long mix(long z) {
        return NodeSeeds.mix(z);
    }
}
