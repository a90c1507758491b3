package p2plab.labs.experiment.search;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.PeerId;
import p2plab.common.time.Clock;

/**
 * Churn with Weibull session lengths, as measured in deployed DHTs (shape about 0.4 to 0.6:
 * most sessions short, a few very long). Each churning peer alternates online and offline
 * periods drawn from the same Weibull, killing and reviving it on the network's clock.
 * The distribution is given by its median, which needs no Gamma function:
 * median = scale * (ln 2)^(1/shape).
 */
final class WeibullChurn {
    private final Network network;
    private final double shape;
    private final double scale;
    private final SplittableRandom random;
    private final Set<PeerId> offline = new HashSet<>();
    private boolean stopped;
    private int changes;

    WeibullChurn(Network network, double shape, double medianSeconds, long seed) {
        if (shape <= 0) {
            throw new IllegalArgumentException("the Weibull shape must be positive, got " + shape);
        }
        this.network = network;
        this.shape = shape;
        this.scale = medianSeconds / Math.pow(Math.log(2), 1 / shape);
        this.random = new SplittableRandom(seed);
    }

    /** A session length in seconds: inverse transform of the Weibull distribution. */
    double sample() {
        double u = 1.0 - random.nextDouble(); // in (0, 1]
        return scale * Math.pow(-Math.log(u), 1 / shape);
    }

    void start(List<PeerId> peers) {
        for (PeerId p : peers) {
            scheduleFlip(p);
        }
    }

    void stop() {
        stopped = true;
    }

    int changes() {
        return changes;
    }

    boolean isOffline(PeerId p) {
        return offline.contains(p);
    }

    private void scheduleFlip(PeerId p) {
        long nanos = (long) (sample() * 1e9);
        Clock clock = network.transport().clock();
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
