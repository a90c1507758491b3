package p2plab.common.transport.tcp;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import p2plab.common.time.Cancellable;
import p2plab.common.time.Clock;
import p2plab.common.time.RealClock;

/**
 * A node's clock: real (scaled) time on the node's event loop, except that timers of a node that
 * was killed or closed never fire. Without this a crashed peer would go on re-announcing and
 * rechoking from beyond the grave, since it shares its thread with live peers.
 */
final class NodeClock implements Clock {
    private static final System.Logger LOG = System.getLogger(NodeClock.class.getName());

    private final RealClock real;
    private final BooleanSupplier alive;
    private final String label;
    private final Consumer<String> errors;

    NodeClock(RealClock real, BooleanSupplier alive, String label, Consumer<String> errors) {
        this.real = real;
        this.alive = alive;
        this.label = label;
        this.errors = errors;
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
        return real.scheduleNanos(delayNanos, () -> runIfAlive(task, "a timer"));
    }

    /**
     * Runs a protocol task on the node's loop unless the node is gone. An exception is logged
     * with the node's name and counted: left to Netty it would be logged by whatever logger Netty
     * finds, or by none at all, and the student would never see it.
     */
    void runIfAlive(Runnable task, String what) {
        if (!alive.getAsBoolean()) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, label + ": " + what + " threw " + e, e);
            errors.accept(what + " threw " + e);
        }
    }
}
