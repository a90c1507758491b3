package p2plab.common.time;

/** A periodic timer built from one-shot timers, so every clock gets {@link Clock#every} for free. */
final class Repeating implements Cancellable {
    private final Clock clock;
    private final long periodNanos;
    private final Runnable task;
    private Cancellable next = Cancellable.NONE;
    private volatile boolean cancelled;

    Repeating(Clock clock, long periodNanos, Runnable task) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + periodNanos + " ns");
        }
        this.clock = clock;
        this.periodNanos = periodNanos;
        this.task = task;
    }

    Repeating start() {
        next = clock.scheduleNanos(periodNanos, this::fire);
        return this;
    }

    private void fire() {
        if (cancelled) {
            return;
        }
        task.run();
        if (!cancelled) {
            next = clock.scheduleNanos(periodNanos, this::fire);
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        next.cancel();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
