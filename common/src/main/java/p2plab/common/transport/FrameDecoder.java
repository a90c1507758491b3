package p2plab.common.transport;

import java.nio.ByteBuffer;

/**
 * Cuts one connection's byte stream into messages. Stateful (one per connection) so that a
 * protocol may start with a handshake and then switch to its message framing.
 */
public interface FrameDecoder<M> {

    /**
     * Decodes one message from the front of {@code in}.
     *
     * <p>{@code in} (and any slice of it) is valid only during this call: over TCP it is a view
     * of the socket's receive buffer. Copy whatever the message keeps.
     *
     * @return the message, with {@code in}'s position moved past its bytes; or {@code null}
     *         when more bytes are needed, with the position left where it was
     * @throws MalformedFrameException when the bytes can never become a valid message (bad
     *         type, oversized length, broken field); the transport then closes the connection
     */
    M decode(ByteBuffer in) throws MalformedFrameException;
}
