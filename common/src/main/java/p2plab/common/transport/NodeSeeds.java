package p2plab.common.transport;

/**
 * The seed of each node's random generator, the same on every driver: the n-th node opened with
 * a transport seed draws the same numbers in simulation and over TCP, so protocol code that picks
 * at random (which known host to re-dial) tells the same story on both.
 */
public final class NodeSeeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private NodeSeeds() {
    }

    /** The seed of node number {@code index} (0 for the first opened) under transport seed {@code seed}. */
    public static long of(long seed, long index) {
        return mix(seed * GOLDEN_GAMMA + index);
    }

    /** SplitMix64's finaliser: a cheap, well-mixed hash of a long. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
