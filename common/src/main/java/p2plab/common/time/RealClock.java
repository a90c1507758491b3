package p2plab.common.time;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Protocol time on a real machine: wall time since {@code originNanos}, multiplied by a
 * time-scale factor. With a scale of 10, a 30-second optimistic unchoke fires after 3 real
 * seconds. Callbacks run on the given executor, which is the peer's own thread.
 */
public final class RealClock implements Clock {
    private final ScheduledExecutorService executor;
    private final double timeScale;
    private final long originNanos;

    /**
     * @param executor    the single thread that owns the peer (over TCP: its Netty event loop)
     * @param timeScale   protocol seconds per real second; 1 is real time
     * @param originNanos the {@link System#nanoTime()} at which protocol time is zero
     */
    public RealClock(ScheduledExecutorService executor, double timeScale, long originNanos) {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be a positive number, got " + timeScale);
        }
        this.executor = executor;
        this.timeScale = timeScale;
        this.originNanos = originNanos;
    }

    @Override
    public long nanos() {
        return (long) ((System.nanoTime() - originNanos) * timeScale);
    }

    public double timeScale() {
        return timeScale;
    }

    /** Real nanoseconds that {@code protocolNanos} of protocol time take. */
    public long toRealNanos(long protocolNanos) {
        return (long) Math.ceil(Math.max(0, protocolNanos) / timeScale);
    }

    @Override
    public Cancellable scheduleNanos(long delayNanos, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(task, toRealNanos(delayNanos), TimeUnit.NANOSECONDS);
        return new Cancellable() {
            @Override public void cancel() { future.cancel(false); }
            @Override public boolean isCancelled() { return future.isCancelled(); }
        };
    }
}
