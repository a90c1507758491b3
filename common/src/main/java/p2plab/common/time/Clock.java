package p2plab.common.time;

import java.time.Duration;

/**
 * Protocol time for one peer: what time it is, and "call me back later".
 *
 * <p>Protocol code asks its clock instead of {@code System.currentTimeMillis()} or
 * {@code Thread.sleep}, so the same code runs in virtual time (simulation) and in
 * real time (TCP, optionally sped up by a time-scale factor). Callbacks run on the
 * peer's own thread, one at a time, so protocol code needs no locks.
 */
public interface Clock {

    /** Protocol time elapsed since the network started, in nanoseconds. */
    long nanos();

    /** Runs {@code task} once, {@code delayNanos} of protocol time from now. */
    Cancellable scheduleNanos(long delayNanos, Runnable task);

    /** Protocol time elapsed since the network started. */
    default Duration now() {
        return Duration.ofNanos(nanos());
    }

    default long millis() {
        return nanos() / 1_000_000L;
    }

    default Cancellable schedule(Duration delay, Runnable task) {
        return scheduleNanos(delay.toNanos(), task);
    }

    /** Runs {@code task} every {@code period}, first after one period, until cancelled. */
    default Cancellable every(Duration period, Runnable task) {
        return new Repeating(this, period.toNanos(), task).start();
    }
}
