package p2plab.labs.experiment.churn;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.PeerId;
import p2plab.common.time.Clock;

/**
 * Drives churn on a simulated network: every churning peer alternates online and offline
 * periods drawn from {@link SessionTimes} with the same mean (so half the peers are up on
 * average), killing and reviving it through the Network SPI on the network's clock.
 */
final class Churn {
    private final Network network;
    private final Clock clock;
    private final SessionTimes times;
    private final double meanSeconds;
    private final SplittableRandom random;
    private final java.util.Set<PeerId> offline = new java.util.HashSet<>();
    private boolean stopped;
    private int changes;

    Churn(Network network, SessionTimes times, double meanSeconds, long seed) {
        this.network = network;
        this.clock = network.transport().clock();
        this.times = times;
        this.meanSeconds = meanSeconds;
        this.random = new SplittableRandom(seed);
    }

    /** Starts churning {@code peers}; each begins online with a fresh session. */
    void start(List<PeerId> peers) {
        for (PeerId p : peers) {
            scheduleFlip(p);
        }
    }

    void stop() {
        stopped = true;
    }

    /** Kills and revivals so far. */
    int changes() {
        return changes;
    }

    private void scheduleFlip(PeerId p) {
        long nanos = (long) (times.sample(meanSeconds, random) * 1e9);
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
