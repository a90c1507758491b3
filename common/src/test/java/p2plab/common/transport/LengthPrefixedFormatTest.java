package p2plab.common.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LengthPrefixedFormatTest {

    /** Strings as UTF-8 bodies, at most 10 bytes. */
    private static final class Text extends LengthPrefixedFormat<String> {
        Text() {
            super(10);
        }

        @Override public String overlay() { return "text"; }
        @Override public List<String> messageTypes() { return List.of("Text"); }
        @Override public int typeOf(String m) { return 0; }
        @Override protected byte[] encodeBody(String m) { return m.getBytes(StandardCharsets.UTF_8); }
        @Override protected String decodeBody(ByteBuffer body) {
            byte[] b = new byte[body.remaining()];
            body.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private final Text text = new Text();

    @Test
    void frameIsBigEndianLengthThenBody() {
        assertArrayEquals(new byte[] {0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'}, text.encode("hello"));
    }

    @Test
    void decoderWaitsForAWholeFrameThenConsumesExactlyIt() throws Exception {
        FrameDecoder<String> d = text.newDecoder();
        byte[] two = new byte[18];
        ByteBuffer.wrap(two).put(text.encode("hello")).put(text.encode("world"));
        ByteBuffer partial = ByteBuffer.wrap(two, 0, 7);
        assertNull(d.decode(partial));
        assertEquals(0, partial.position());

        ByteBuffer all = ByteBuffer.wrap(two);
        assertEquals("hello", d.decode(all));
        assertEquals(9, all.position());
        assertEquals("world", d.decode(all));
        assertNull(d.decode(all));
    }

    @Test
    void oversizedFrameIsRejectedBeforeItsBodyArrives() {
        ByteBuffer header = ByteBuffer.allocate(4).putInt(0, 1 << 30);
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> text.newDecoder().decode(header));
        assertTrue(e.getMessage().contains("exceeds the limit of 10 bytes"), e.getMessage());
    }

    @Test
    void negativeLengthIsRejected() {
        ByteBuffer header = ByteBuffer.allocate(4).putInt(0, -1);
        assertThrows(MalformedFrameException.class, () -> text.newDecoder().decode(header));
    }

    @Test
    void encodingTooLargeAMessageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> text.encode("more than ten bytes"));
    }

    @Test
    void addressesParseAndRoundTripThroughIpv4() {
        Address a = Address.parse("127.0.0.1:6881");
        assertEquals(new Address("127.0.0.1", 6881), a);
        assertEquals(a, Address.ofIpv4(a.ipv4(), 6881));
        assertThrows(IllegalArgumentException.class, () -> Address.parse("nohost"));
        assertThrows(IllegalArgumentException.class, () -> Address.parse("h:99999"));
    }
}
