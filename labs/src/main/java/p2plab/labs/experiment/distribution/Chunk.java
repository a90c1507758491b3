package p2plab.labs.experiment.distribution;

import java.nio.ByteBuffer;
import java.util.List;
import p2plab.common.transport.LengthPrefixedFormat;
import p2plab.common.transport.MalformedFrameException;

/**
 * A piece of the file the client-server baseline sends: {@code <index u32><size u32><size bytes>}
 * after the length prefix. In simulation only its size travels; over TCP the bytes are zeros.
 */
record Chunk(int index, int size) {
    static final int HEADER = LengthPrefixedFormat.HEADER_BYTES + 8;

    /** The baseline's wire format: chunks only. */
    static final class Format extends LengthPrefixedFormat<Chunk> {
        Format() {
            super(16 << 20);
        }

        @Override
        public String overlay() {
            return "client-server";
        }

        @Override
        public List<String> messageTypes() {
            return List.of("Chunk");
        }

        @Override
        public int typeOf(Chunk m) {
            return 0;
        }

        @Override
        public int sizeOf(Chunk m) {
            return HEADER + m.size();
        }

        @Override
        protected byte[] encodeBody(Chunk m) {
            return ByteBuffer.allocate(8 + m.size()).putInt(m.index()).putInt(m.size()).array();
        }

        @Override
        protected Chunk decodeBody(ByteBuffer body) throws MalformedFrameException {
            if (body.remaining() < 8) {
                throw new MalformedFrameException("a chunk needs its 8-byte header");
            }
            Chunk c = new Chunk(body.getInt(), body.getInt());
            if (c.size() != body.remaining()) {
                throw new MalformedFrameException("chunk says " + c.size() + " bytes but carries " + body.remaining());
            }
            return c;
        }
    }
}
