package p2plab.gnutella.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.MalformedFrameException;

/** Every message through the codec, and the bytes it must refuse. */
class GnutellaCodecTest {
    private final GnutellaCodec codec = new GnutellaCodec();
    private final Guid guid = Guid.random(new SplittableRandom(1));
    private final Address here = new Address("127.0.0.1", 6346);

    /** A decoder past the handshake, as on a connection we opened. */
    private FrameDecoder<GnutellaMessage> binaryDecoder() throws MalformedFrameException {
        FrameDecoder<GnutellaMessage> d = codec.newDecoder();
        assertInstanceOf(Handshake.class, d.decode(ByteBuffer.wrap(codec.encode(Handshake.ok(Map.of())))));
        return d;
    }

    private GnutellaMessage roundTrip(GnutellaMessage m) throws MalformedFrameException {
        byte[] wire = codec.encode(m);
        assertEquals(wire.length, codec.sizeOf(m));
        ByteBuffer in = ByteBuffer.wrap(wire);
        GnutellaMessage back = binaryDecoder().decode(in);
        assertEquals(0, in.remaining(), "decoded exactly the encoded bytes");
        return back;
    }

    @Test
    void headerIsTwentyThreeBytesWithLittleEndianLength() {
        byte[] wire = codec.encode(new Descriptor(guid, 7, 2, new Query(0, "love")));
        assertEquals(23 + 2 + 4 + 1, wire.length);
        assertArrayEquals(guid.bytes(), Arrays.copyOf(wire, 16));
        assertEquals((byte) 0x80, wire[16]);
        assertEquals(7, wire[17]);
        assertEquals(2, wire[18]);
        assertEquals(7, ByteBuffer.wrap(wire, 19, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertArrayEquals(new byte[] {0, 0, 'l', 'o', 'v', 'e', 0}, Arrays.copyOfRange(wire, 23, 30));
    }

    @Test
    void guidMarksAModernServent() {
        byte[] b = guid.bytes();
        assertEquals((byte) 0xFF, b[8]);
        assertEquals(0, b[15]);
        assertEquals(guid, Guid.of(b));
    }

    @Test
    void pingRoundTrips() throws Exception {
        Descriptor d = new Descriptor(guid, 3, 0, Ping.INSTANCE);
        assertEquals(d, roundTrip(d));
        assertEquals(23, codec.encode(d).length);
    }

    @Test
    void pongRoundTripsWithTheSpecLayout() throws Exception {
        Descriptor d = new Descriptor(guid, 1, 4, new Pong(here, 3, 120));
        assertEquals(d, roundTrip(d));
        byte[] payload = Arrays.copyOfRange(codec.encode(d), 23, 37);
        assertArrayEquals(new byte[] {(byte) 0xca, 0x18, 127, 0, 0, 1, 3, 0, 0, 0, 120, 0, 0, 0}, payload);
    }

    @Test
    void byeRoundTrips() throws Exception {
        Descriptor d = new Descriptor(guid, 1, 0, new Bye(200, "servent leaving"));
        assertEquals(d, roundTrip(d));
    }

    @Test
    void queryRoundTrips() throws Exception {
        Descriptor d = new Descriptor(guid, 7, 0, new Query(0, "love song"));
        assertEquals(d, roundTrip(d));
    }

    @Test
    void queryHitRoundTripsWithSeveralResults() throws Exception {
        QueryHit hit = new QueryHit(here, 1000, List.of(
                new QueryHit.Result(0, 4096, "love song.mp3", "urn:sha256:" + "ab".repeat(32)),
                new QueryHit.Result(7, 0xFFFF_FFFFL, "ünïcode ♪.ogg", "")), Guid.random(new SplittableRandom(2)));
        Descriptor d = new Descriptor(guid, 3, 0, hit);
        assertEquals(d, roundTrip(d));
    }

    @Test
    void queryAndQueryHitCarryTheirGuidAsTraceKey() {
        assertEquals(guid, codec.traceKey(new Descriptor(guid, 1, 0, new Query(0, "x"))));
        assertEquals(guid, codec.traceKey(new Descriptor(guid, 1, 0, new QueryHit(here, 1,
                List.of(new QueryHit.Result(0, 1, "x", "")), guid))));
        assertNull(codec.traceKey(new Descriptor(guid, 1, 0, Ping.INSTANCE)));
        assertEquals("gnutella/Query".substring(9), codec.messageTypes().get(codec.typeOf(new Descriptor(guid, 1, 0, new Query(0, "x")))));
    }

    @Test
    void handshakeOpensTheConnectionThenDescriptorsFollow() throws Exception {
        FrameDecoder<GnutellaMessage> server = codec.newDecoder();
        byte[] connect = codec.encode(Handshake.connect(Map.of("User-Agent", "p2plab", "Listen-IP", "127.0.0.1:6346")));
        assertTrue(new String(connect, StandardCharsets.US_ASCII).startsWith("GNUTELLA CONNECT/0.6\r\n"));
        byte[] confirm = codec.encode(Handshake.ok(Map.of()));
        assertEquals("GNUTELLA/0.6 200 OK\r\n\r\n", new String(confirm, StandardCharsets.US_ASCII));
        byte[] query = codec.encode(new Descriptor(guid, 7, 0, new Query(0, "x")));
        ByteBuffer in = ByteBuffer.wrap(concat(connect, confirm, query));

        Handshake h = (Handshake) server.decode(in);
        assertTrue(h.isConnect());
        assertEquals("127.0.0.1:6346", h.header("listen-ip"));
        assertTrue(((Handshake) server.decode(in)).accepted());
        assertInstanceOf(Descriptor.class, server.decode(in));
        assertNull(server.decode(in));
    }

    @Test
    void aHandshakesSizeIsCountedWithoutEncodingAndMatchesItsBytes() {
        List<Handshake> handshakes = List.of(
                Handshake.connect(Handshake.headers("User-Agent", "p2plab", "Listen-IP", "127.0.0.1:6346", "X-Ultrapeer", "False")),
                Handshake.ok(Map.of()),
                Handshake.ok(Handshake.headers("X-Try", "127.0.0.2:6000,127.0.0.3:6000")),
                Handshake.refuse(503, "Trop de connexions \u00e9tablies", Handshake.headers("User-Agent", "caf\u00e9 \u263a")),
                Handshake.connect(Handshake.headers("A", "1", "B", "2", "A", "3")));
        for (Handshake h : handshakes) {
            assertEquals(codec.encode(h).length, codec.sizeOf(h), () -> "size of " + h);
        }
        assertEquals("3", handshakes.get(4).header("a"), "a name given twice keeps its last value, as a map would");
        assertEquals(2, handshakes.get(4).headers().size());
    }

    @Test
    void handshakeHeadersKeepTheirOrderAndRefuseLineBreaks() {
        Handshake h = Handshake.connect(Handshake.headers("User-Agent", "p2plab", "Listen-IP", "127.0.0.1:6346"));
        assertEquals("GNUTELLA CONNECT/0.6\r\nUser-Agent: p2plab\r\nListen-IP: 127.0.0.1:6346\r\n\r\n",
                new String(codec.encode(h), StandardCharsets.UTF_8));
        assertEquals(Map.of("User-Agent", "p2plab", "Listen-IP", "127.0.0.1:6346"), h.headers());
        assertThrows(IllegalArgumentException.class, () -> Handshake.headers("X-Evil", "a\r\nInjected: yes"));
        assertThrows(IllegalArgumentException.class, () -> Handshake.headers("Bad:Name", "v"));
        assertThrows(IllegalArgumentException.class, () -> Handshake.ok(Map.of("", "v")));
        assertThrows(UnsupportedOperationException.class, () -> h.headers().put("X", "y"));
    }

    @Test
    void refusalCarriesItsCode() throws Exception {
        Handshake h = (Handshake) codec.newDecoder().decode(ByteBuffer.wrap(codec.encode(
                Handshake.refuse(503, "Too many connections", Map.of("X-Try", "127.0.0.2:6000")))));
        assertEquals(503, h.status());
        assertEquals("127.0.0.2:6000", h.header("X-Try"));
    }

    @Test
    void getAndResponseRoundTrip() throws Exception {
        GetRequest get = new GetRequest(3, "blue moon & co.mp3", 0, 99);
        byte[] wire = codec.encode(get);
        assertTrue(new String(wire, StandardCharsets.US_ASCII).startsWith("GET /get/3/blue%20moon%20%26%20co.mp3 HTTP/1.1\r\n"));
        assertTrue(new String(wire, StandardCharsets.US_ASCII).contains("Range: bytes=0-99\r\n"));
        assertEquals(get, codec.newDecoder().decode(ByteBuffer.wrap(wire)));

        byte[] body = {1, 2, 3, 4};
        FrameDecoder<GnutellaMessage> client = codec.newDecoder();
        GetResponse r = (GetResponse) client.decode(ByteBuffer.wrap(codec.encode(GetResponse.partial(10, 100, body))));
        assertEquals(206, r.status());
        assertEquals(10, r.first());
        assertEquals(100, r.total());
        assertArrayEquals(body, r.body());
        GetResponse missing = (GetResponse) client.decode(ByteBuffer.wrap(codec.encode(GetResponse.error(404))));
        assertEquals(404, missing.status());
    }

    @Test
    void truncatedInputWaitsForMoreBytesWithoutMoving() throws Exception {
        byte[] wire = codec.encode(new Descriptor(guid, 7, 0, new Query(0, "love song")));
        FrameDecoder<GnutellaMessage> d = binaryDecoder();
        for (int cut = 0; cut < wire.length; cut++) {
            ByteBuffer part = ByteBuffer.wrap(wire, 0, cut);
            assertNull(d.decode(part), "a frame cut at " + cut);
            assertEquals(0, part.position());
        }
        byte[] response = codec.encode(GetResponse.partial(0, 10, new byte[10]));
        FrameDecoder<GnutellaMessage> client = codec.newDecoder();
        ByteBuffer part = ByteBuffer.wrap(response, 0, response.length - 1);
        assertNull(client.decode(part));
        assertEquals(0, part.position());
    }

    @Test
    void oversizedPayloadIsRefusedFromItsHeaderAlone() throws Exception {
        byte[] header = codec.encode(new Descriptor(guid, 7, 0, Ping.INSTANCE));
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(19, GnutellaCodec.MAX_PAYLOAD_BYTES + 1);
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> binaryDecoder().decode(ByteBuffer.wrap(header)));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new Descriptor(guid, 1, 0,
                new Query(0, "x".repeat(GnutellaCodec.MAX_PAYLOAD_BYTES)))));
    }

    @Test
    void unknownPayloadTypeIsRefused() {
        byte[] wire = codec.encode(new Descriptor(guid, 7, 0, Ping.INSTANCE));
        wire[16] = 0x42;
        assertThrows(MalformedFrameException.class, () -> binaryDecoder().decode(ByteBuffer.wrap(wire)));
    }

    @Test
    void brokenPayloadsAreRefused() {
        assertMalformed(0x01, new byte[13]);                            // Pong is 14 bytes
        assertMalformed(0x00, new byte[] {1});                          // Ping carries nothing
        assertMalformed(0x80, new byte[] {0, 0, 'x'});                  // Query text without NUL
        assertMalformed(0x02, new byte[] {1});                          // Bye truncated in its code
        byte[] noResults = new byte[11 + 16];                           // QueryHit with count 0
        assertMalformed(0x81, noResults);
        byte[] noServentId = {1, 0x2a, 0x18, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 'x', 0, 0};
        assertMalformed(0x81, noServentId);                             // ends before the servent id
        byte[] strayBytes = new byte[14 + 1];
        strayBytes[2] = 127;
        assertMalformed(0x01, strayBytes);
    }

    @Test
    void garbageInsteadOfAHandshakeIsRefusedAtOnce() {
        assertThrows(MalformedFrameException.class, () -> codec.newDecoder().decode(ByteBuffer.wrap(new byte[] {0, 1, 2})));
        byte[] endless = ("GNUTELLA CONNECT/0.6\r\nX: " + "y".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
        assertThrows(MalformedFrameException.class, () -> codec.newDecoder().decode(ByteBuffer.wrap(endless)));
        byte[] badGet = "GET /index.html HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(MalformedFrameException.class, () -> codec.newDecoder().decode(ByteBuffer.wrap(badGet)));
        byte[] hugeBody = "HTTP/1.1 206 Partial Content\r\nContent-Length: 99999999\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(MalformedFrameException.class, () -> codec.newDecoder().decode(ByteBuffer.wrap(hugeBody)));
    }

    @Test
    void secondConnectWhereTheConfirmationIsDueIsRefused() throws Exception {
        FrameDecoder<GnutellaMessage> server = codec.newDecoder();
        byte[] connect = codec.encode(Handshake.connect(Map.of()));
        ByteBuffer in = ByteBuffer.wrap(concat(connect, connect));
        server.decode(in);
        assertThrows(MalformedFrameException.class, () -> server.decode(in));
    }

    @Test
    void messagesRejectBadFieldsAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new Descriptor(guid, 256, 0, Ping.INSTANCE));
        assertThrows(IllegalArgumentException.class, () -> new Query(0, "a\0b"));
        assertThrows(IllegalArgumentException.class, () -> new Pong(new Address("localhost", 1), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new QueryHit(here, 0, List.of(), guid));
        assertThrows(IllegalArgumentException.class, () -> new Handshake("HELLO", Map.of()));
        assertThrows(IllegalStateException.class, () -> new Descriptor(guid, 0, 3, Ping.INSTANCE).forwarded());
        Descriptor next = new Descriptor(guid, 7, 0, Ping.INSTANCE).forwarded();
        assertEquals(6, next.ttl());
        assertEquals(1, next.hops());
    }

    private void assertMalformed(int type, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(23 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        frame.put(guid.bytes()).put((byte) type).put((byte) 1).put((byte) 0).putInt(payload.length).put(payload).flip();
        assertThrows(MalformedFrameException.class, () -> binaryDecoder().decode(frame),
                String.format("type 0x%02x payload %s", type, Arrays.toString(payload)));
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
