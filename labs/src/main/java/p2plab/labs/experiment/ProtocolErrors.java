package p2plab.labs.experiment;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import p2plab.common.metrics.Metrics;
import p2plab.common.transport.Transport;

/**
 * Keeps bugs out of results. A peer whose protocol code throws loses that connection and keeps
 * running, on both drivers; to an experiment that looks like churn, loss or a stall. So
 * experiments wait through {@link #await} and check with {@link #requireNone} before they
 * report a run: if any protocol code threw, the experiment stops with the first error.
 */
public final class ProtocolErrors {

    private ProtocolErrors() {
    }

    /** Throws when protocol code threw during {@code run} on {@code transport}. */
    public static void requireNone(Transport transport, String run) {
        Metrics metrics = transport.metrics();
        long errors = metrics.handlerErrors();
        if (errors > 0) {
            throw new IllegalStateException(run + ": protocol code threw " + errors + " time(s), so the figures would report a bug"
                    + " as if it were the network; the first: " + metrics.firstHandlerError() + " (stack traces in the log)");
        }
    }

    /**
     * {@link Transport#await}, then {@link #requireNone}: also when the wait times out or the
     * operation fails, since a bug that closed a link is the likeliest cause of either.
     */
    public static <T> T await(Transport transport, CompletionStage<T> stage, Duration timeout, String run) throws TimeoutException {
        T value;
        try {
            value = transport.await(stage, timeout);
        } catch (TimeoutException | RuntimeException e) {
            requireNone(transport, run);
            throw e;
        }
        requireNone(transport, run);
        return value;
    }
}
