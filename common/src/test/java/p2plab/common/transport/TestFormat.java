package p2plab.common.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Wire format of the tiny test overlay, on the default length-prefixed framing:
 *
 * <pre>
 *   &lt;length u32&gt;&lt;type u8&gt;&lt;payload&gt;       length = 1 + payload bytes
 *   00 00 00 03  00  68 69                 ping "hi" (7 bytes on the wire)
 * </pre>
 */
public class TestFormat extends LengthPrefixedFormat<TestFormat.TestMessage> {
    public static final List<String> TYPES = List.of("ping", "pong", "data", "ack");
    public static final int DEFAULT_MAX_BODY = 4 * 1024 * 1024;

    public TestFormat() {
        this(DEFAULT_MAX_BODY);
    }

    public TestFormat(int maxBodyBytes) {
        super(maxBodyBytes);
    }

    /** Bytes on the wire for a message with {@code payloadBytes} of payload. */
    public static int frameSize(int payloadBytes) {
        return HEADER_BYTES + 1 + payloadBytes;
    }

    @Override
    public String overlay() {
        return "test";
    }

    @Override
    public List<String> messageTypes() {
        return TYPES;
    }

    @Override
    public int typeOf(TestMessage message) {
        return TYPES.indexOf(message.type());
    }

    @Override
    protected byte[] encodeBody(TestMessage message) {
        byte[] body = new byte[1 + message.payload().length];
        body[0] = (byte) typeOf(message);
        System.arraycopy(message.payload(), 0, body, 1, message.payload().length);
        return body;
    }

    @Override
    protected TestMessage decodeBody(ByteBuffer body) throws MalformedFrameException {
        if (!body.hasRemaining()) {
            throw new MalformedFrameException("empty frame: no type byte");
        }
        int type = body.get() & 0xff;
        if (type >= TYPES.size()) {
            throw new MalformedFrameException("unknown message type " + type);
        }
        byte[] payload = new byte[body.remaining()];
        body.get(payload);
        return new TestMessage(TYPES.get(type), payload);
    }

    /** A message of the tiny test overlay: a type name from {@link TestFormat#TYPES} and a payload. */
    public record TestMessage(String type, byte[] payload) {

        public TestMessage {
            if (!TestFormat.TYPES.contains(type)) {
                throw new IllegalArgumentException("unknown test message type " + type);
            }
        }

        public static TestMessage of(String type, String text) {
            return new TestMessage(type, text.getBytes(StandardCharsets.UTF_8));
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TestMessage m && m.type.equals(type) && Arrays.equals(m.payload, payload);
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return type + "(" + payload.length + " bytes)";
        }
    }
}
