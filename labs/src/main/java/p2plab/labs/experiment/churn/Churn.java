package p2plab.labs.experiment.churn;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.PeerId;
import p2plab.common.time.Clock;

/**
 * Drives churn on a simulated network: every churning peer alternates online and offline
 * periods drawn from one distribution (so half the peers are up on average), killing and
 * reviving it through the Network SPI on the network's clock.
 */
public final class Churn {
    private final Network network;
    private final Clock clock;
    private final ToDoubleFunction<RandomGenerator> sessionSeconds;
    private final SplittableRandom random;
    private final java.util.Set<PeerId> offline = new java.util.HashSet<>();
    private boolean stopped;
    private int changes;

    Churn(Network network, SessionTimes times, double meanSeconds, long seed) {
        this(network, random -> times.sample(meanSeconds, random), seed);
    }

    /** Churn whose online and offline periods, in seconds, {@code sessionSeconds} draws. */
    public Churn(Network network, ToDoubleFunction<RandomGenerator> sessionSeconds, long seed) {
        this.network = network;
        this.clock = network.transport().clock();
        this.sessionSeconds = sessionSeconds;
        this.random = new SplittableRandom(seed);
    }

    /** Starts churning {@code peers}; each begins online with a fresh session. */
    public void start(List<PeerId> peers) {
        for (PeerId p : peers) {
            scheduleFlip(p);
        }
    }

    public void stop() {
        stopped = true;
    }

    /** Kills and revivals so far. */
    public int changes() {
        return changes;
    }

    private void scheduleFlip(PeerId p) {
        long nanos = (long) (sessionSeconds.applyAsDouble(random) * 1e9);
        clock.schedule(Duration.ofNanos(Math.max(1, nanos)), () -> flip(p));
    }

    private void flip(PeerId p) {
        if (stopped) {
            return;
        }
        if (offline.remove(p)) {
            network.revive(p);
        } else {
            network.kill(p);
            offline.add(p);
        }
        changes++;
        scheduleFlip(p);
    }
}
