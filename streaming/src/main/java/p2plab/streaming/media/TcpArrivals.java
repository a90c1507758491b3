package p2plab.streaming.media;

import java.util.random.RandomGenerator;

/**
 * One connection's arrivals as TCP would hand them to the player: a chunk the simulator
 * delivers at {@code now} is handed over later if the connection was idle (slow start) or one
 * of its segments was lost (recovery), and never before the chunk ahead of it (TCP delivers
 * in order). Pure: the caller holds the chunk until the time returned.
 */
public final class TcpArrivals {
    private final TcpModel model;
    private long rttNanos;
    private long lastAt = Long.MIN_VALUE;
    private long heldUntil = Long.MIN_VALUE;
    /** The next chunk starts a burst from a sender that was idle: it comes in slow start. */
    private boolean coldNext = true;

    public TcpArrivals(TcpModel model) {
        this.model = model;
    }

    /** The connection's round trip, as measured when it opened. */
    public void roundTrip(long nanos) {
        rttNanos = Math.max(0, nanos);
    }

    public long roundTripNanos() {
        return rttNanos;
    }

    /**
     * We ask the sender for data at {@code now}; {@code waiting} says whether it still owed us
     * some. If it did not, and its last data came more than the idle time ago, its connection
     * has gone idle and the answer restarts slow start (RFC 5681, 4.1).
     */
    public void requested(long now, boolean waiting) {
        if (!waiting && (lastAt == Long.MIN_VALUE || now - lastAt > model.idleNanos())) {
            coldNext = true;
        }
    }

    /** When a message of {@code bytes} that arrived at {@code now} reaches the player. */
    public long handOver(long now, int bytes, RandomGenerator random) {
        long at = now;
        if (coldNext) {
            coldNext = false;
            at += model.slowStartExtraRounds(bytes) * rttNanos;
        }
        if (model.lossRate() > 0) {
            int segments = model.segments(bytes);
            double hit = 1 - Math.pow(1 - model.lossRate(), segments); // at least one segment lost (two: ignored)
            if (random.nextDouble() < hit) {
                at += model.recoveryNanos(random.nextInt(segments), segments, rttNanos);
            }
        }
        at = Math.max(at, heldUntil);
        heldUntil = at;
        lastAt = at;
        return at;
    }
}
