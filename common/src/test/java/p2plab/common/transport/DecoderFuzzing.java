package p2plab.common.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the fuzz tests of every codec check: a {@link FrameDecoder} fed hostile bytes, the way
 * the TCP transport feeds it, either hands up messages or refuses with a {@link
 * MalformedFrameException} that says why. Any other exception escapes to the fuzzer as a finding.
 *
 * <p>{@link #decodeChecked} also checks the decoder's contract on the way: {@code null} leaves the
 * position where it was, a message moves it forward, and the bytes arriving in pieces give the
 * same outcome as the bytes arriving at once (while the pieces are scribbled over after each
 * call, so a message that kept a view of the buffer instead of a copy shows up as a difference).
 */
public final class DecoderFuzzing {

    private DecoderFuzzing() {
    }

    /**
     * What a decoder made of a byte stream: the messages, then the reason it refused the rest
     * (null when it did not), and how many bytes the messages used.
     */
    public record Outcome<M>(List<M> messages, String rejection, int consumed) {
    }

    /**
     * Decodes {@code data} with two fresh decoders, once whole and once cut at points taken from
     * the bytes themselves, checks both agree, and returns the first outcome.
     */
    public static <M> Outcome<M> decodeChecked(WireFormat<M> format, byte[] data) {
        Outcome<M> whole = decode(format.newDecoder(), data, false);
        Outcome<M> pieces = decode(format.newDecoder(), data, true, cuts(data));
        assertEquals(whole.rejection() != null, pieces.rejection() != null,
                () -> "arriving in pieces changed the outcome: " + whole.rejection() + " vs " + pieces.rejection());
        assertEquals(whole.consumed(), pieces.consumed(), "arriving in pieces changed the bytes consumed");
        assertEquals(whole.messages().size(), pieces.messages().size(), "arriving in pieces changed the message count");
        for (int i = 0; i < whole.messages().size(); i++) {
            int at = i;
            assertTrue(deepEquals(whole.messages().get(i), pieces.messages().get(i)),
                    () -> "message " + at + " differs when the bytes arrive in pieces (does it keep a view of the buffer?): "
                            + whole.messages().get(at) + " vs " + pieces.messages().get(at));
        }
        return whole;
    }

    /**
     * Feeds {@code data} to {@code decoder} as a connection would deliver it, cut at {@code cuts}
     * (ascending offsets), and decodes every message it can, as the transport's adapter does.
     */
    public static <M> Outcome<M> decode(FrameDecoder<M> decoder, byte[] data, boolean scribble, int... cuts) {
        byte[] buffer = data.clone();
        List<M> messages = new ArrayList<>();
        int reader = 0;
        for (int c = 0; c <= cuts.length; c++) {
            int arrived = c < cuts.length ? cuts[c] : buffer.length;
            ByteBuffer view = ByteBuffer.wrap(buffer, 0, arrived).position(reader);
            while (view.hasRemaining()) {
                int before = view.position();
                M message;
                try {
                    message = decoder.decode(view);
                } catch (MalformedFrameException e) {
                    assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a rejection must say why");
                    return new Outcome<>(messages, e.getMessage(), before);
                }
                assertEquals(arrived, view.limit(), "the decoder changed the buffer's limit");
                if (message == null) {
                    assertEquals(before, view.position(), "a decoder that needs more bytes must leave the position alone");
                    break;
                }
                assertTrue(view.position() > before, "a message must consume bytes");
                messages.add(message);
            }
            if (scribble) {
                Arrays.fill(buffer, 0, view.position(), (byte) 0x5a); // bytes used are gone, as in Netty
            }
            reader = view.position();
        }
        return new Outcome<>(messages, null, reader);
    }

    /**
     * Encodes {@code messages} one after another on one connection (a handshake first, where the
     * protocol has one), checks each announced size, decodes the stream and checks that the same
     * messages come back: decode(encode(x)) == x.
     */
    @SafeVarargs
    public static <M> void assertRoundTrip(WireFormat<M> format, M... messages) {
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        for (M m : messages) {
            byte[] bytes = format.encode(m);
            assertEquals(bytes.length, format.sizeOf(m), () -> "sizeOf disagrees with encode for " + m);
            stream.writeBytes(bytes);
        }
        byte[] bytes = stream.toByteArray();
        Outcome<M> back = decodeChecked(format, bytes);
        assertEquals(null, back.rejection(), () -> "the decoder refused what the encoder wrote: " + List.of(messages));
        assertEquals(messages.length, back.messages().size(), () -> List.of(messages) + " in, " + back.messages() + " out");
        assertEquals(bytes.length, back.consumed(), "the decoder left bytes unread");
        for (int i = 0; i < messages.length; i++) {
            M sent = messages[i];
            M received = back.messages().get(i);
            assertTrue(deepEquals(sent, received), () -> "decode(encode(x)) != x: " + sent + " became " + received);
        }
    }

    /** Up to three cut points in {@code data}, spread by a hash of its bytes so they move as the fuzzer mutates. */
    static int[] cuts(byte[] data) {
        int h = Arrays.hashCode(data);
        int n = data.length + 1;
        int[] cuts = {Math.floorMod(h, n), Math.floorMod(h * 31 + 7, n), Math.floorMod(h >>> 11, n)};
        Arrays.sort(cuts);
        return cuts;
    }

    /**
     * Equality that looks into records, lists, maps and arrays, so messages holding {@code
     * byte[]} compare by content even when their record does not override {@code equals}.
     */
    public static boolean deepEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) { // a record's own equals (one that skips a cache, say) has the last word when it agrees
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) { // any List class, as List.equals
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!deepEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a.getClass().isArray()) {
            return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    if (!deepEquals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                        return false;
                    }
                } catch (ReflectiveOperationException e) {
                    fail("cannot read " + c + ": " + e);
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
