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

    /**
     * Sends one datagram to whoever listens at {@code to}: no link, no handshake, no promise
     * that it arrives (the network may lose it; nobody may be listening). The receiver hears it
     * in {@link PeerHandler#onDatagram}. Only overlays whose format allows datagrams may send
     * them ({@link WireFormat#maxDatagramBytes()}).
     *
     * @throws IllegalArgumentException when the encoded message is larger than the format's
     *         datagram limit (nothing is sent or counted)
     * @throws IllegalStateException when this overlay's format does not allow datagrams
     */
    default void sendDatagram(Address to, M message) {
        throw new IllegalStateException(label() + " cannot send datagrams on this transport");
    }

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
