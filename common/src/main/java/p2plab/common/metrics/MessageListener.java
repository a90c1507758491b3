package p2plab.common.metrics;

/**
 * Hears every message the transport counts, for a live view. Optional: with none set, the
 * drivers' counting path does one null check more and nothing else.
 *
 * <p>Called on the driver's threads (the simulation's, or Netty's event loops), so an
 * implementation must return at once: queue the fact, never block.
 */
public interface MessageListener {

    /** {@code peer} (a metrics label such as {@code p7}) sent a message of {@code type} ({@code overlay/Type}). */
    void sent(String peer, String type, Object traceKey);

    /** {@code peer} received a message of {@code type}; {@code traceKey} ties it to a search, or is null. */
    void delivered(String peer, String type, Object traceKey);
}
