package p2plab.napster.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import p2plab.common.transport.FrameDecoder;
import p2plab.napster.wire.NapMessage.Invalid;

class NapsterCodecTest {
    private static final String HASH = "ab".repeat(32);
    private final NapsterCodec codec = new NapsterCodec();

    static List<NapMessage> everyMessage() {
        return List.of(
                new NapMessage.LoginError("nickname p3 is in use"),
                new NapMessage.Login("p3", "x", 6000, "p2plab client", 0),
                new NapMessage.LoginAck("p3@p2plab"),
                new NapMessage.Share("Velvet Harbor - Quiet Morning.mp3", HASH, 123_456),
                new NapMessage.Unshare("Velvet Harbor - Quiet Morning.mp3"),
                new NapMessage.Search("p3.1", "velvet morning", 100),
                new NapMessage.SearchResult("p3.1", "Velvet Harbor - Quiet Morning.mp3", HASH, 123_456, "p7", "127.0.0.8", 0),
                new NapMessage.SearchEnd("p3.1"),
                new NapMessage.DownloadRequest("p7", "Velvet Harbor - Quiet Morning.mp3"),
                new NapMessage.DownloadAck("p7", "127.0.0.8", 6000, "Velvet Harbor - Quiet Morning.mp3", HASH, 0),
                new NapMessage.GetError("p7", "gone.mp3"),
                new NapMessage.Browse("p7"),
                new NapMessage.BrowseResult("p7", "a b.mp3", HASH, 5),
                new NapMessage.BrowseEnd("p7"),
                new NapMessage.ErrorMessage("malformed Share (100): missing field"),
                new NapMessage.Ping(),
                new NapMessage.Get("p3", "a b.mp3", 65_536),
                new NapMessage.GetAck(123_456),
                new NapMessage.Chunk(32_768, new byte[] {1, 2, 3, (byte) 0xff}),
                new NapMessage.ChunkAck(98_304));
    }

    @Test
    void theListCoversEveryTypeThatIsSent() {
        Set<MessageType> covered = everyMessage().stream().map(NapMessage::type).collect(Collectors.toSet());
        Set<MessageType> all = EnumSet.allOf(MessageType.class);
        all.remove(MessageType.INVALID);
        assertEquals(all, covered);
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void everyMessageSurvivesARoundTrip(NapMessage message) {
        byte[] frame = codec.encode(message);
        assertEquals(frame.length, codec.sizeOf(message));
        ByteBuffer in = ByteBuffer.wrap(frame);
        NapMessage decoded = decode(in);
        assertEquals(message, decoded);
        assertEquals(0, in.remaining());
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void headerIsLittleEndianLengthThenOpenNapType(NapMessage message) {
        ByteBuffer frame = ByteBuffer.wrap(codec.encode(message)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(frame.capacity() - 4, frame.getShort(0) & 0xffff);
        assertEquals(message.type().code(), frame.getShort(2) & 0xffff);
    }

    @Test
    void realOpenNapNumbers() {
        assertEquals(2, MessageType.LOGIN.code());
        assertEquals(3, MessageType.LOGIN_ACK.code());
        assertEquals(100, MessageType.SHARE.code());
        assertEquals(102, MessageType.UNSHARE.code());
        assertEquals(200, MessageType.SEARCH.code());
        assertEquals(201, MessageType.SEARCH_RESULT.code());
        assertEquals(202, MessageType.SEARCH_END.code());
        assertEquals(203, MessageType.DOWNLOAD_REQUEST.code());
        assertEquals(204, MessageType.DOWNLOAD_ACK.code());
        assertEquals(0, MessageType.LOGIN_ERROR.code());
        assertEquals(206, MessageType.GET_ERROR.code());
        assertEquals(404, MessageType.ERROR_MESSAGE.code());
    }

    @Test
    void searchBytesAreExactlyTheDocumentedLayout() {
        byte[] frame = codec.encode(new NapMessage.Search("p1.1", "velvet", 10));
        String body = "p1.1 FILENAME CONTAINS \"velvet\" MAX_RESULTS 10";
        assertEquals(body.length(), frame[0]);
        assertEquals(0, frame[1]);
        assertEquals((byte) 0xc8, frame[2]);
        assertEquals(0, frame[3]);
        assertEquals(body, new String(frame, 4, frame.length - 4, StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @MethodSource("awkwardNames")
    void sizeWithoutEncodingMatchesTheEncodedLength(String name) {
        EncodedHit hit = NapsterCodec.encodeHit(name, HASH, Long.MAX_VALUE, "p100000", "127.1.134.160", -7);
        for (NapMessage m : List.of(hit.forSearch("p12.345"), hit.forSearch(name.isEmpty() ? "i" : name.replace(' ', '_')),
                new NapMessage.Chunk(0, name.getBytes(StandardCharsets.UTF_8)), new NapMessage.Chunk(Long.MAX_VALUE, new byte[0]),
                new NapMessage.Share(name, HASH, Long.MAX_VALUE), new NapMessage.Share(name, HASH, 0),
                new NapMessage.Share(name, HASH, -7), new NapMessage.Share(name, HASH, Long.MIN_VALUE))) {
            assertEquals(codec.encode(m).length, codec.sizeOf(m), m.toString());
        }
    }

    @Test
    void searchResultBytesAreExactlyTheDocumentedLayout() {
        NapMessage.SearchResult m = new NapMessage.SearchResult("p12.345", "Velvet Harbor - 01.mp3", HASH,
                Long.MAX_VALUE, "p100000", "127.1.134.160", -7);
        String body = "p12.345 \"Velvet Harbor - 01.mp3\" " + HASH + " " + Long.MAX_VALUE + " 0 0 0 p100000 127.1.134.160 -7";
        byte[] frame = codec.encode(m);
        assertEquals(body.length(), (frame[0] & 0xff) | (frame[1] & 0xff) << 8);
        assertEquals(201, (frame[2] & 0xff) | (frame[3] & 0xff) << 8);
        assertEquals(body, new String(frame, 4, frame.length - 4, StandardCharsets.US_ASCII));
        assertEquals(m, decode(ByteBuffer.wrap(frame)));
        assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new NapMessage.SearchResult("p1.1", "say \"hi\".mp3", HASH, 1, "p2", "h", 0)));
        assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new NapMessage.SearchResult("p1 1", "a.mp3", HASH, 1, "p2", "h", 0)));
    }

    @ParameterizedTest
    @MethodSource("awkwardNames")
    void searchResultsWithAnyNameSurviveTheRoundTrip(String name) {
        NapMessage.SearchResult m = new NapMessage.SearchResult("p3.1", name, HASH, 0, "p7", "127.0.0.8", 0);
        assertEquals(NapsterCodec.HEADER_BYTES + m.searchId().length() + 2 + name.getBytes(StandardCharsets.UTF_8).length
                + 2 + HASH.length() + 1 + 1 + 7 + 2 + 1 + 9 + 1 + 1, codec.encode(m).length, name);
        if (!name.startsWith("lone")) { // a lone surrogate is sent as a question mark, like String.getBytes
            assertEquals(m, decode(ByteBuffer.wrap(codec.encode(m))), name);
        }
    }

    static List<String> awkwardNames() {
        return List.of("", "a", "Björk – Jóga.mp3", "東京 夜景.flac", "emoji \uD83C\uDFB5 song.mp3", "lone \uD83C surrogate");
    }

    @Test
    void partialFramesWaitForMoreBytes() {
        byte[] frame = codec.encode(new NapMessage.Share("x y.mp3", HASH, 7));
        FrameDecoder<NapMessage> decoder = codec.newDecoder();
        for (int cut = 0; cut < frame.length; cut++) {
            ByteBuffer in = ByteBuffer.wrap(frame, 0, cut);
            assertNull(decode(decoder, in), "decoded from " + cut + " bytes");
            assertEquals(0, in.position());
        }
    }

    @Test
    void twoFramesInOneBufferComeOutOneAtATime() {
        byte[] a = codec.encode(new NapMessage.Ping());
        byte[] b = codec.encode(new NapMessage.SearchEnd("p1.9"));
        ByteBuffer in = ByteBuffer.allocate(a.length + b.length).put(a).put(b).flip();
        assertInstanceOf(NapMessage.Ping.class, decode(in));
        assertEquals(new NapMessage.SearchEnd("p1.9"), decode(in));
        assertNull(decode(in));
    }

    @Test
    void unknownTypeIsSkippedAndReportedInvalid() {
        ByteBuffer in = frame(999, "hello");
        Invalid bad = assertInstanceOf(Invalid.class, decode(in));
        assertEquals(999, bad.code());
        assertTrue(bad.reason().contains("unknown message type 999"), bad.reason());
        assertEquals(0, in.remaining());
    }

    @Test
    void oversizedFrameIsSkippedAndReportedOversized() {
        ByteBuffer in = frame(200, "x".repeat(NapsterCodec.MAX_CONTROL_BODY + 1));
        Invalid bad = assertInstanceOf(Invalid.class, decode(in));
        assertTrue(bad.oversized());
        assertTrue(bad.reason().contains("exceeds its limit"), bad.reason());
        assertEquals(0, in.remaining());
    }

    @Test
    void aPingWithABodyIsOversized() {
        Invalid bad = assertInstanceOf(Invalid.class, decode(frame(750, "x")));
        assertTrue(bad.oversized());
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void malformedBodiesAreReportedInvalidNotThrown(int type, String body) {
        ByteBuffer in = frame(type, body);
        Invalid bad = assertInstanceOf(Invalid.class, decode(in));
        assertEquals(type, bad.code());
        assertTrue(bad.reason().startsWith("malformed"), bad.reason());
        assertEquals(false, bad.oversized());
        assertEquals(0, in.remaining(), "the broken frame is skipped whole");
    }

    static List<Object[]> malformedBodies() {
        return List.of(
                new Object[] {2, "p3 x notaport \"c\" 0"},
                new Object[] {2, "p3 x 70000 \"c\" 0"},
                new Object[] {2, "p3"},
                new Object[] {100, "\"unterminated " + HASH + " 5 0 0 0"},
                new Object[] {100, "\"a.mp3\" nothex 5 0 0 0"},
                new Object[] {100, "\"a.mp3\" " + HASH + " -5 0 0 0"},
                new Object[] {100, "\"a.mp3\" " + HASH + " 5 0 0 0 extra"},
                new Object[] {200, "p1.1 FILENAME HAS \"x\" MAX_RESULTS 3"},
                new Object[] {200, "p1.1 FILENAME CONTAINS \"x\" MAX_RESULTS -1"},
                new Object[] {201, "p1.1 \"a\" " + HASH},
                new Object[] {202, ""},
                new Object[] {203, "p7 a.mp3"},
                new Object[] {3000, "p3 \"a.mp3\" lots"},
                new Object[] {3001, "-1"},
                new Object[] {3002, "1234"});
    }

    @Test
    void encodingRefusesWhatTheWireCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new NapMessage.Share("say \"hi\".mp3", HASH, 1)));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new NapMessage.Login("two words", "x", 1, "c", 0)));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new NapMessage.Unshare("n".repeat(3000))));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new Invalid(1, "x", false)));
        assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new NapMessage.Chunk(0, new byte[NapsterCodec.MAX_CHUNK + 1])));
    }

    @Test
    void searchMessagesCarryTheirSearchAsTraceKey() {
        Object key = new NapsterCodec.SearchTrace("p3.4");
        assertEquals(key, codec.traceKey(new NapMessage.Search("p3.4", "a", 1)));
        assertEquals(key, codec.traceKey(new NapMessage.SearchResult("p3.4", "a", HASH, 1, "p1", "127.0.0.2", 0)));
        assertEquals(key, codec.traceKey(new NapMessage.SearchEnd("p3.4")));
        assertNull(codec.traceKey(new NapMessage.Ping()));
    }

    @Test
    void typeNamesIndexByOrdinal() {
        assertEquals("Search", codec.messageTypes().get(codec.typeOf(new NapMessage.Search("i", "a", 1))));
        assertEquals(MessageType.values().length, codec.messageTypes().size());
    }

    private static ByteBuffer frame(int type, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + b.length).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) b.length).putShort((short) type).put(b).flip();
    }

    private NapMessage decode(ByteBuffer in) {
        return decode(codec.newDecoder(), in);
    }

    private static NapMessage decode(FrameDecoder<NapMessage> decoder, ByteBuffer in) {
        try {
            return decoder.decode(in);
        } catch (Exception e) {
            throw new AssertionError("the decoder must not throw: " + e.getMessage(), e);
        }
    }
    @ParameterizedTest
    @MethodSource("awkwardNames")
    void aResultFromItsPreEncodedHitIsByteForByteTheNormalEncoding(String name) {
        EncodedHit hit = NapsterCodec.encodeHit(name, HASH, 123_456, "p100000", "127.1.134.160", 3);
        for (String searchId : List.of("p3.1", "p100000.987654", "p\u00e9.2")) {
            NapMessage.SearchResult cached = hit.forSearch(searchId);
            NapMessage.SearchResult plain = new NapMessage.SearchResult(searchId, name, HASH, 123_456, "p100000",
                    "127.1.134.160", 3);
            assertArrayEquals(codec.encode(plain), codec.encode(cached));
            assertEquals(codec.encode(plain).length, codec.sizeOf(cached));
            assertEquals(plain, cached); // the cached bytes are not part of the message's value
            assertEquals(decode(ByteBuffer.wrap(codec.encode(plain))), decode(ByteBuffer.wrap(codec.encode(cached))));
        }
    }

    @Test
    void aPreEncodedHitRefusesWhatTheWireCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> NapsterCodec.encodeHit("say \"hi\".mp3", HASH, 1, "p2", "h", 0));
        assertThrows(IllegalArgumentException.class, () -> NapsterCodec.encodeHit("a.mp3", HASH, 1, "p 2", "h", 0));
        EncodedHit hit = NapsterCodec.encodeHit("a.mp3", HASH, 1, "p2", "h", 0);
        assertThrows(IllegalArgumentException.class, () -> codec.encode(hit.forSearch("p1 1")));
        EncodedHit huge = NapsterCodec.encodeHit("x".repeat(2000), HASH, 1, "p2", "h", 0);
        assertThrows(IllegalArgumentException.class, () -> codec.encode(huge.forSearch("p1.1")));
    }
}
