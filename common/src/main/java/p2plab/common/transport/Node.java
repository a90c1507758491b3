package p2plab.common.transport;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import p2plab.common.time.Clock;

/**
 * A peer's attachment to a transport: it listens on {@link #address()}, opens connections,
 * keeps time and owns a seeded random source. Everything a protocol does goes through here.
 */
public interface Node<M> {

    /** Where this node listens. */
    Address address();

    /** The label it is counted under in metrics (usually its peer id). */
    String label();

    /** This node's protocol time; callbacks run on the node's thread. */
    Clock clock();

    /** Seeded randomness for protocol decisions; deterministic in simulation. */
    RandomGenerator random();

    /**
     * Opens a connection. The future completes on this node's thread, after
     * {@link PeerHandler#onConnected}; it fails when nobody listens at {@code remote}.
     */
    CompletableFuture<Link<M>> connect(Address remote);

    /** The open connections. */
    Collection<Link<M>> links();

    /** Runs {@code task} on this node's thread (a command from the user, for instance). */
    void execute(Runnable task);

    /** False once killed or closed. */
    boolean isAlive();

    /** Crashes abruptly: no goodbye is sent; neighbours see their links close. */
    void kill();

    /** Leaves politely: every link closed gracefully, the port released. */
    void close();
}
