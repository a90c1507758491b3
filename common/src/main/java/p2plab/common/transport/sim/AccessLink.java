package p2plab.common.transport.sim;

/**
 * One direction of a node's access link (its uplink or its downlink): it pushes bytes at a
 * fixed rate, one message after another, first come first served.
 *
 * <p>Busy time is computed from the bytes sent since the link last went idle, not message by
 * message, so a file sent in many messages takes exactly ceil(F / rate), with no rounding
 * creeping in.
 */
final class AccessLink {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long REBASE_BYTES = 1L << 30; // keeps bytes * 1e9 far from overflow

    private final long bytesPerSecond;
    private long busySince;
    private long busyBytes;
    private long freeAt;

    /** Keeps no state, so every node without a rate shares it. */
    private static final AccessLink UNLIMITED = new AccessLink(0);

    private AccessLink(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** A link pushing {@code bytesPerSecond}; 0 = unlimited. */
    static AccessLink of(long bytesPerSecond) {
        return bytesPerSecond == 0 ? UNLIMITED : new AccessLink(bytesPerSecond);
    }

    boolean unlimited() {
        return bytesPerSecond == 0;
    }

    /**
     * Reserves the link for {@code bytes} arriving from {@code earliest} on.
     *
     * @return when the last byte is through
     */
    long reserve(long earliest, int bytes) {
        if (unlimited()) {
            return earliest;
        }
        if (earliest > freeAt) {              // idle: a new busy period starts
            busySince = earliest;
            busyBytes = 0;
        } else if (busyBytes > REBASE_BYTES) { // long busy period: carry on from the current end
            busySince = freeAt;
            busyBytes = 0;
        }
        busyBytes += bytes;
        freeAt = busySince + ceilDiv(busyBytes * NANOS_PER_SECOND, bytesPerSecond);
        return freeAt;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
