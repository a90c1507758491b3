package p2plab.labs.session;

import java.time.Duration;
import java.util.List;
import p2plab.common.overlay.Network;

/**
 * Lets protocol time pass after a change until the network has settled (every peer logged in,
 * every link up, every crash noticed), so that the next command sees the same network on both
 * drivers: a crash TCP reports at once is reported in simulation after the failure-detection
 * delay. Fixed steps keep a simulation deterministic (same seed, same clock); they start at
 * {@link #STEP} and double up to {@link #MAX_STEP}, so a network that takes long to settle is
 * not asked {@link Network#pending()} thousands of times.
 */
public final class Settle {
    /** How much protocol time passes between two looks at {@link Network#pending()}. */
    public static final Duration STEP = Duration.ofMillis(25);
    static final Duration MAX_STEP = Duration.ofMillis(400);
    /** How long a command waits before it says what is still pending and returns. */
    public static final Duration LIMIT = Duration.ofSeconds(10);

    private Settle() {
    }

    /** Waits at most {@code limit} of protocol time; returns what is still pending then (empty: settled). */
    public static List<String> settle(Network network, Duration limit) {
        List<String> left = network.pending();
        Duration step = STEP;
        for (Duration waited = Duration.ZERO; !left.isEmpty() && waited.compareTo(limit) < 0; waited = waited.plus(step)) {
            step = waited.isZero() ? STEP : step.multipliedBy(2).compareTo(MAX_STEP) > 0 ? MAX_STEP : step.multipliedBy(2);
            network.transport().advance(step);
            left = network.pending();
        }
        return left;
    }
}
