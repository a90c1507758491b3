package p2plab.gnutella.servent;

import java.time.Duration;

/**
 * The knobs of one servent.
 *
 * @param targetDegree      neighbours it tries to keep (it reconnects below this)
 * @param maxDegree         neighbours it accepts at most; beyond, it answers 503
 * @param seenLifetime      how long a (GUID, type) stays in the seen-table
 * @param discoveryTtl      TTL of the Pings it sends when it needs more neighbours
 * @param repairDelay       wait before trying to replace a lost neighbour, and between tries
 * @param repairAttempts    tries in a row without progress before it gives up (until the next loss)
 * @param chunkBytes        bytes asked for per download request (the Range size)
 */
public record ServentConfig(int targetDegree, int maxDegree, Duration seenLifetime, int discoveryTtl,
                            Duration repairDelay, int repairAttempts, int chunkBytes) {
    public static final int MAX_TTL = 10;
    /** Pongs a servent keeps, and the most it hands out per Ping. */
    public static final int PONG_CACHE_SIZE = 32;
    public static final int PONGS_PER_PING = 10;
    /**
     * (GUID, type) pairs a servent remembers at most. Ordinary traffic keeps far fewer within the
     * seen lifetime; the cap holds a flood of new GUIDs to a few megabytes per servent.
     */
    public static final int SEEN_TABLE_CAPACITY = 50_000;
    /**
     * Bytes that may wait on one connection while it is not writable (twice the largest range
     * an upload sends, or some 20,000 queries); beyond, what we send on it is dropped and counted.
     */
    public static final int SEND_QUEUE_BYTES = 2 << 20;

    public ServentConfig {
        if (targetDegree < 0 || maxDegree < Math.max(1, targetDegree)) {
            throw new IllegalArgumentException("need 0 <= target degree <= max degree, got " + targetDegree + ", " + maxDegree);
        }
        if (discoveryTtl < 1 || discoveryTtl > MAX_TTL || chunkBytes < 1) {
            throw new IllegalArgumentException("discovery TTL must be 1..10 and chunks at least 1 byte");
        }
    }

    public static ServentConfig defaults() {
        return new ServentConfig(4, 8, Duration.ofMinutes(5), 3, Duration.ofSeconds(1), 10, 256 * 1024);
    }

    public ServentConfig withDegree(int target, int max) {
        return new ServentConfig(target, max, seenLifetime, discoveryTtl, repairDelay, repairAttempts, chunkBytes);
    }
}
