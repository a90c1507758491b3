package p2plab.labs.shell;

import java.time.Duration;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabNetwork;

/**
 * Lets protocol time flow in the simulated networks while the interactive shell waits for
 * input, each at its own speed ({@code network speed}), so heartbeats, retries, reconnects and
 * rechokes happen as they would in a live network.
 *
 * <p>It ticks on the lab thread, the one thread that runs commands and simulations, between two
 * commands; the time a command took passed inside the command, so the clock restarts after it.
 * A tick may spend at most {@link #BUDGET_NANOS} of real time running events; a network too
 * big to keep up falls behind the wall clock rather than holding the next command back.
 */
final class LiveClock {
    static final long TICK_MILLIS = 50;
    static final long BUDGET_NANOS = 30_000_000L;

    private final Lab lab;
    private long last = System.nanoTime();

    LiveClock(Lab lab) {
        this.lab = lab;
    }

    /** Lets the real time since the last tick pass, times each network's speed. */
    void tick() {
        long now = System.nanoTime();
        long elapsed = now - last;
        last = now;
        long giveUpAt = now + BUDGET_NANOS;
        for (LabNetwork n : lab.networks()) {
            if (n.speed() > 0 && n.network().transport() instanceof SimTransport sim) {
                sim.advance(Duration.ofNanos((long) (elapsed * n.speed())), () -> System.nanoTime() - giveUpAt > 0);
            }
        }
    }

    /** A command just ended: its time passed inside it, not on this clock. */
    void restart() {
        last = System.nanoTime();
    }
}
