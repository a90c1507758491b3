package p2plab.labs.shell;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The one thread that owns the session's simulations: it runs every command typed at the
 * prompt and, between commands, the {@link LiveClock}'s ticks, so no two threads ever run the
 * same simulation. Ctrl-C interrupts the command it runs (never a tick): simulations and waits
 * stop between two events with a {@link java.util.concurrent.CancellationException}, loops
 * check the interrupt, and every network stays as the last event left it.
 */
final class LabThread implements AutoCloseable {
    private final ScheduledExecutorService executor;
    private final LiveClock clock;
    private final Object lock = new Object();
    private volatile Thread thread;
    private boolean commandRunning;
    private int cancels;

    LabThread(LiveClock clock, Consumer<Throwable> tickFailed) {
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p2plab-lab");
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                clock.tick();
            } catch (RuntimeException | OutOfMemoryError e) { // a protocol bug or a full heap must not stop the clock of every network
                tickFailed.accept(e);
            }
        }, LiveClock.TICK_MILLIS, LiveClock.TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code command} on the lab thread and returns its exit code once it has ended. */
    int run(IntSupplier command) {
        Future<Integer> done = executor.submit(() -> {
            synchronized (lock) {
                commandRunning = true;
                cancels = 0;
            }
            try {
                return command.getAsInt();
            } finally {
                synchronized (lock) {
                    commandRunning = false;
                    Thread.interrupted(); // a Ctrl-C that came as it ended is for nobody
                }
                clock.restart();
            }
        });
        while (true) {
            try {
                return done.get();
            } catch (InterruptedException e) {
                // only the lab thread is ever interrupted; keep waiting for the command
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Ctrl-C: asks the running command to stop.
     *
     * @return how many times the running command has been asked (1 the first time), 0 when none runs
     */
    int cancel() {
        synchronized (lock) {
            if (commandRunning) {
                thread.interrupt();
                return ++cancels;
            }
            return 0;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
