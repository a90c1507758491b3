package p2plab.common.bench;

import java.nio.ByteBuffer;
import java.util.List;
import p2plab.common.transport.LengthPrefixedFormat;
import p2plab.common.transport.MalformedFrameException;

/** A benchmark message: a token with a hop counter, 8 bytes of body. */
record Token(long hops) {

    /** Its wire format; sizeOf is constant so the simulator never encodes. */
    static final class Format extends LengthPrefixedFormat<Token> {
        Format() {
            super(64);
        }

        @Override
        public String overlay() {
            return "bench";
        }

        @Override
        public List<String> messageTypes() {
            return List.of("Token");
        }

        @Override
        public int typeOf(Token m) {
            return 0;
        }

        @Override
        public int sizeOf(Token m) {
            return HEADER_BYTES + 8;
        }

        @Override
        protected byte[] encodeBody(Token m) {
            return ByteBuffer.allocate(8).putLong(m.hops()).array();
        }

        @Override
        protected Token decodeBody(ByteBuffer body) throws MalformedFrameException {
            if (body.remaining() != 8) {
                throw new MalformedFrameException("a token is 8 bytes");
            }
            return new Token(body.getLong());
        }
    }
}
