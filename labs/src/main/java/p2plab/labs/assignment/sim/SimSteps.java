package p2plab.labs.assignment.sim;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import p2plab.common.transport.Transport;

/** Driving a simulated network from a graded test: advance virtual time, wait for futures. */
public final class SimSteps {
    private final Transport transport;

    public SimSteps(Transport transport) {
        this.transport = transport;
    }

    /** Advances virtual time in 20 ms steps until {@code condition} holds; false if it never did within {@code limit}. */
    public boolean within(Duration limit, BooleanSupplier condition) {
        for (long t = 0; t <= limit.toMillis(); t += 20) {
            if (condition.getAsBoolean()) {
                return true;
            }
            transport.advance(Duration.ofMillis(20));
        }
        return condition.getAsBoolean();
    }

    public <T> T await(CompletableFuture<T> f, Duration limit) {
        try {
            return transport.await(f, limit);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + limit.toSeconds() + " s of simulated time");
        }
    }
}
