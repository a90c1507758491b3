package p2plab.common.transport;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * How one overlay's messages look on the wire: a pure codec, no I/O.
 *
 * <p>Over TCP the transport calls {@link #encode} for every message sent and feeds the bytes it
 * receives to a {@link FrameDecoder} (one per connection, since some protocols begin with a
 * handshake). In simulation the message object itself travels and {@link #sizeOf} says how many
 * bytes it would take, so simulated bandwidth and byte counts match the real wire.
 *
 * <p>The transport counts every message by {@link #overlay()} and {@link #typeOf} type, so
 * protocol code never counts by hand.
 *
 * @param <M> the overlay's message type
 */
public interface WireFormat<M> {

    /** The overlay these messages belong to, e.g. {@code "gnutella"}; a metrics key. */
    String overlay();

    /** Names of the message types, e.g. {@code ["Ping", "Pong", "Query", ...]}; index = type code. */
    List<String> messageTypes();

    /** The type code of {@code message}: an index into {@link #messageTypes()}. */
    int typeOf(M message);

    /** The message's bytes on the wire, framing included. */
    byte[] encode(M message);

    /** Bytes {@code message} takes on the wire; override when encoding just to measure is wasteful. */
    default int sizeOf(M message) {
        return encode(message).length;
    }

    /** A fresh decoder for one connection. */
    FrameDecoder<M> newDecoder();

    /**
     * The largest datagram this overlay may send, in bytes, or 0 when it never sends datagrams
     * (the default: it speaks over links only). A transport binds a datagram port for a node only
     * when its format allows datagrams, and refuses to send a larger one.
     */
    default int maxDatagramBytes() {
        return 0;
    }

    /**
     * Decodes one whole datagram. The default runs a fresh {@link #newDecoder()} over it and
     * insists that it is exactly one message; formats without framing on datagrams override it.
     *
     * @throws MalformedFrameException when the bytes are not exactly one message
     */
    default M decodeDatagram(ByteBuffer datagram) throws MalformedFrameException {
        int size = datagram.remaining();
        M message = newDecoder().decode(datagram);
        if (message == null || datagram.hasRemaining()) {
            throw new MalformedFrameException("a datagram of " + size + " bytes is not exactly one message");
        }
        return message;
    }

    /**
     * The key that ties a message to one search or transfer (a query GUID, a search id), or
     * {@code null}. The transport adds every keyed message to the matching {@link
     * p2plab.common.metrics.Tally}, which is how a search learns the messages it caused.
     */
    default Object traceKey(M message) {
        return null;
    }
}
