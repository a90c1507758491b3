package p2plab.common.transport;

import java.nio.ByteBuffer;

/**
 * The default framing for overlays without a real wire format of their own:
 * {@code <length u32 big-endian><body>}, where length counts the body only.
 *
 * <pre>
 *   00 00 00 05  68 65 6c 6c 6f     a 5-byte body "hello"
 * </pre>
 *
 * Subclasses say how a message becomes a body and back; frames longer than
 * {@link #maxBodyBytes()} are rejected before any of their bytes are buffered.
 */
public abstract class LengthPrefixedFormat<M> implements WireFormat<M> {
    public static final int HEADER_BYTES = 4;

    private final int maxBodyBytes;

    protected LengthPrefixedFormat(int maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The message's body, without the length prefix. */
    protected abstract byte[] encodeBody(M message);

    /** The message in {@code body}, which holds exactly one frame's body. */
    protected abstract M decodeBody(ByteBuffer body) throws MalformedFrameException;

    @Override
    public final byte[] encode(M message) {
        byte[] body = encodeBody(message);
        if (body.length > maxBodyBytes) {
            throw new IllegalArgumentException("message of " + body.length + " bytes exceeds the frame limit of " + maxBodyBytes);
        }
        byte[] frame = new byte[HEADER_BYTES + body.length];
        ByteBuffer.wrap(frame).putInt(body.length).put(body);
        return frame;
    }

    @Override
    public FrameDecoder<M> newDecoder() {
        return in -> {
            if (in.remaining() < HEADER_BYTES) {
                return null;
            }
            int length = in.getInt(in.position());
            if (length < 0 || length > maxBodyBytes) {
                throw new MalformedFrameException("frame of " + Integer.toUnsignedString(length)
                        + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
            }
            if (in.remaining() < HEADER_BYTES + length) {
                return null;
            }
            ByteBuffer body = in.slice(in.position() + HEADER_BYTES, length);
            M message = decodeBody(body);
            in.position(in.position() + HEADER_BYTES + length);
            return message;
        };
    }
}
