package p2plab.labs.compare;

/**
 * The same job for every overlay in a comparison: how many peers, a seeded catalogue spread
 * over them, and a seeded stream of queries asked from seeded peers.
 *
 * @param ttl 0 = each overlay's default
 */
public record Workload(int peers, int files, int queries, int ttl, long seed, double zipf) {

    public Workload {
        if (peers < 2 || peers > 100_000) {
            throw new IllegalArgumentException("--peers must be between 2 and 100000, got " + peers);
        }
        if (files < 1 || files > 1_000_000) {
            throw new IllegalArgumentException("--files must be between 1 and 1000000, got " + files);
        }
        if (queries < 1 || queries > 1_000_000) {
            throw new IllegalArgumentException("--queries must be between 1 and 1000000, got " + queries);
        }
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("--ttl must be between 0 and 255 (0 = each overlay's default), got " + ttl);
        }
        if (!(zipf >= 0) || Double.isInfinite(zipf)) {
            throw new IllegalArgumentException("--zipf must be a number >= 0, got " + zipf);
        }
    }
}
