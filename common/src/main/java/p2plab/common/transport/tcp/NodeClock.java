package p2plab.common.transport.tcp;

import java.util.function.BooleanSupplier;
import p2plab.common.time.Cancellable;
import p2plab.common.time.Clock;
import p2plab.common.time.RealClock;

/**
 * A node's clock: real (scaled) time on the node's event loop, except that timers of a node that
 * was killed or closed never fire. Without this a crashed peer would go on re-announcing and
 * rechoking from beyond the grave, since it shares its thread with live peers.
 */
final class NodeClock implements Clock {
    private final RealClock real;
    private final BooleanSupplier alive;

    NodeClock(RealClock real, BooleanSupplier alive) {
        this.real = real;
        this.alive = alive;
    }

    RealClock real() {
        return real;
    }

    @Override
    public long nanos() {
        return real.nanos();
    }

    @Override
    public Cancellable scheduleNanos(long delayNanos, Runnable task) {
        return real.scheduleNanos(delayNanos, () -> {
            if (alive.getAsBoolean()) {
                task.run();
            }
        });
    }
}
