package p2plab.common.transport.sim;

import java.time.Duration;

/**
 * How the simulated network behaves.
 *
 * @param seed             every random choice (per-node randomness, loss, uniform latency) derives from it
 * @param latency          one-way delay of each link
 * @param lossRate         probability that a message is silently lost (0 for reliable links)
 * @param failureDetection how long after a crash its neighbours see the connection close
 * @param wireCheck        encode every message and decode it at the receiver, as TCP would
 *                         (slower; catches codec bugs and exercises malformed-frame handling)
 * @param segmentBytes     the unit in which an uplink interleaves its connections (a TCP segment,
 *                         1,460 bytes, by default); a larger unit means fewer events and coarser
 *                         round robin, for long runs whose messages are all about that size
 */
public record SimConfig(long seed, LatencyModel latency, double lossRate, Duration failureDetection, boolean wireCheck,
                        int segmentBytes) {

    public static final Duration DEFAULT_LATENCY = Duration.ofMillis(10);

    public SimConfig {
        if (lossRate < 0 || lossRate >= 1) {
            throw new IllegalArgumentException("loss rate must be in [0, 1), got " + lossRate);
        }
        if (failureDetection.isNegative()) {
            throw new IllegalArgumentException("failure detection delay must be >= 0");
        }
        if (segmentBytes < 1) {
            throw new IllegalArgumentException("segment size must be >= 1 byte, got " + segmentBytes);
        }
    }

    public SimConfig(long seed, LatencyModel latency, double lossRate, Duration failureDetection, boolean wireCheck) {
        this(seed, latency, lossRate, failureDetection, wireCheck, SimTransport.SEGMENT_BYTES);
    }

    /** 10 ms links, no loss, crashes seen after 1 s. */
    public static SimConfig seeded(long seed) {
        return new SimConfig(seed, LatencyModel.constant(DEFAULT_LATENCY), 0, Duration.ofSeconds(1), false);
    }

    public SimConfig withLatency(LatencyModel l) {
        return new SimConfig(seed, l, lossRate, failureDetection, wireCheck, segmentBytes);
    }

    public SimConfig withLoss(double rate) {
        return new SimConfig(seed, latency, rate, failureDetection, wireCheck, segmentBytes);
    }

    public SimConfig withFailureDetection(Duration d) {
        return new SimConfig(seed, latency, lossRate, d, wireCheck, segmentBytes);
    }

    public SimConfig withWireCheck(boolean on) {
        return new SimConfig(seed, latency, lossRate, failureDetection, on, segmentBytes);
    }

    /** Interleave connections in units of {@code bytes} instead of one TCP segment (see {@link #segmentBytes}). */
    public SimConfig withSegmentBytes(int bytes) {
        return new SimConfig(seed, latency, lossRate, failureDetection, wireCheck, bytes);
    }
}
