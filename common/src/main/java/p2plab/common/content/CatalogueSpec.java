package p2plab.common.content;

/**
 * What catalogue to generate for a workload ({@link Catalogue#generate}).
 *
 * @param files              how many distinct files
 * @param zipfExponent       popularity skew s: file of rank k is asked for in proportion to 1/k^s; 0 = all alike
 * @param minSize            smallest file, bytes
 * @param maxSize            largest file, bytes (sizes are uniform in [minSize, maxSize])
 * @param topReplicaFraction share of the peers that hold the most popular file; rank k is on
 *                           that share times 1/k^s of the peers, but always on at least one
 * @param seed               every choice (names, sizes, bytes, placement) derives from it
 */
public record CatalogueSpec(int files, double zipfExponent, long minSize, long maxSize,
                            double topReplicaFraction, long seed) {

    public static final double DEFAULT_ZIPF_EXPONENT = 0.8;
    /** Small files by default, so that hashing thousands of them stays cheap. */
    public static final long DEFAULT_MIN_SIZE = 4 * 1024;
    public static final long DEFAULT_MAX_SIZE = 256 * 1024;
    public static final double DEFAULT_TOP_REPLICA_FRACTION = 0.5;

    public CatalogueSpec {
        if (files < 1) {
            throw new IllegalArgumentException("a catalogue needs at least 1 file, got " + files);
        }
        if (!(zipfExponent >= 0) || Double.isInfinite(zipfExponent)) {
            throw new IllegalArgumentException("the Zipf exponent must be a number >= 0, got " + zipfExponent);
        }
        if (minSize < 0 || maxSize < minSize || maxSize == Long.MAX_VALUE) {
            throw new IllegalArgumentException("file sizes need 0 <= min <= max, got " + minSize + ".." + maxSize);
        }
        if (!(topReplicaFraction > 0 && topReplicaFraction <= 1)) {
            throw new IllegalArgumentException("the top replica fraction must be in (0, 1], got " + topReplicaFraction);
        }
    }

    /** {@code files} files with the default skew, sizes and replication. */
    public static CatalogueSpec of(int files, long seed) {
        return new CatalogueSpec(files, DEFAULT_ZIPF_EXPONENT, DEFAULT_MIN_SIZE, DEFAULT_MAX_SIZE,
                DEFAULT_TOP_REPLICA_FRACTION, seed);
    }

    public CatalogueSpec withZipfExponent(double s) {
        return new CatalogueSpec(files, s, minSize, maxSize, topReplicaFraction, seed);
    }

    public CatalogueSpec withSizes(long min, long max) {
        return new CatalogueSpec(files, zipfExponent, min, max, topReplicaFraction, seed);
    }

    public CatalogueSpec withTopReplicaFraction(double fraction) {
        return new CatalogueSpec(files, zipfExponent, minSize, maxSize, fraction, seed);
    }

    public CatalogueSpec withSeed(long s) {
        return new CatalogueSpec(files, zipfExponent, minSize, maxSize, topReplicaFraction, s);
    }
}
