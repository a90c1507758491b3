package p2plab.streaming.geo;

/**
 * Where nodes are, for the CDN's "nearest edge": {@code regions} regions on a ring, node
 * number {@code n} (the order nodes are opened in) in region {@code n % regions}. One-way
 * latency is {@code localMillis} inside a region plus {@code perHopMillis} per region apart.
 * A simulation gets the same figures from {@link #latencyNanos}, so "nearest" is also fastest.
 */
public record Geography(int regions, double localMillis, double perHopMillis) {

    /** Eight regions, 5 ms inside one, 10 ms more per region apart (at most 45 ms one way). */
    public static final Geography DEFAULT = new Geography(8, 5, 10);

    public Geography {
        if (regions < 1 || localMillis < 0 || perHopMillis < 0) {
            throw new IllegalArgumentException("regions must be >= 1 and latencies >= 0");
        }
    }

    public int regionOf(int nodeNumber) {
        return Math.floorMod(nodeNumber, regions);
    }

    /** Regions apart on the ring. */
    public int hops(int regionA, int regionB) {
        int d = Math.abs(regionA - regionB);
        return Math.min(d, regions - d);
    }

    /** One-way latency between node numbers {@code a} and {@code b}, in nanoseconds. */
    public long latencyNanos(int a, int b) {
        return Math.round((localMillis + perHopMillis * hops(regionOf(a), regionOf(b))) * 1_000_000L);
    }
}
