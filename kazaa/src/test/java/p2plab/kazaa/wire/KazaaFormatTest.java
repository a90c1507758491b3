package p2plab.kazaa.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import p2plab.common.content.ContentId;
import p2plab.common.content.Digests;
import p2plab.common.transport.Address;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.MalformedFrameException;
import p2plab.kazaa.wire.KazaaMessage.RoleChange.Change;

class KazaaFormatTest {
    private static final KazaaFormat FORMAT = new KazaaFormat();
    private static final PeerRef A = new PeerRef(7, new Address("127.0.0.1", 6000));
    private static final PeerRef B = new PeerRef(300, new Address("127.0.1.44", 6346));
    private static final ContentId ID = ContentId.of(Digests.sha256("blue moon".getBytes()));
    private static final SharedFile FILE = new SharedFile("Blue Moon - Live.mp3", 4_200_000, ID);
    private static final Guid GUID = new Guid(0x1111111111111111L, 0x1111111111111111L);

    static Stream<KazaaMessage> everyMessage() {
        return Stream.of(
                new KazaaMessage.Attach(A, 100_000, 0, true, 123_456, false),
                new KazaaMessage.Attach(B, 0, 0, false, 0, true),
                new KazaaMessage.AttachAck(true, List.of(A, B)),
                new KazaaMessage.AttachAck(false, List.of()),
                new KazaaMessage.FileList(List.of(FILE, new SharedFile("été ☀.ogg", 0, ID), new SharedFile("\uD83C\uDFB5 x.mp3", 1, ID))),
                new KazaaMessage.Query(GUID, 3, 0, "blue moon"),
                new KazaaMessage.QueryHit(GUID, 2, B, List.of(new FoundFile(A, FILE))),
                new KazaaMessage.SupernodeHello(B, 19, List.of(A)),
                new KazaaMessage.RoleChange(Change.PROMOTE, List.of(B)),
                new KazaaMessage.RoleChange(Change.DEMOTE, List.of()),
                new KazaaMessage.RefreshList(true, List.of(A, B)),
                new KazaaMessage.DownloadRequest(ID, 65_536, 1000),
                new KazaaMessage.DownloadData(ID, 10, 13, new byte[] {1, 2, 3}),
                new KazaaMessage.DownloadRefused(ID, "not shared here"));
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void everyMessageSurvivesARoundTrip(KazaaMessage m) throws MalformedFrameException {
        byte[] frame = FORMAT.encode(m);
        KazaaMessage back = FORMAT.newDecoder().decode(ByteBuffer.wrap(frame));
        if (m instanceof KazaaMessage.DownloadData d) {
            KazaaMessage.DownloadData e = (KazaaMessage.DownloadData) back;
            assertEquals(List.of(d.content(), d.offset(), d.total()), List.of(e.content(), e.offset(), e.total()));
            assertArrayEquals(d.bytes(), e.bytes());
        } else {
            assertEquals(m, back);
        }
        assertEquals(frame.length, FORMAT.sizeOf(m));
        assertEquals(FORMAT.messageTypes().get(FORMAT.typeOf(m)), m.getClass().getSimpleName());
    }

    @Test
    void sizeOfCountsAsTheEncoderWritesAndRefusesWhatItRefuses() {
        KazaaMessage odd = new KazaaMessage.DownloadRefused(ID, "x \uD800 y"); // an unpaired surrogate is written as '?'
        assertEquals(FORMAT.encode(odd).length, FORMAT.sizeOf(odd));
        KazaaMessage tooLong = new KazaaMessage.DownloadRefused(ID, "é".repeat(40_000)); // 80,000 bytes > u16
        assertThrows(IllegalArgumentException.class, () -> FORMAT.encode(tooLong));
        assertThrows(IllegalArgumentException.class, () -> FORMAT.sizeOf(tooLong));
    }

    @Test
    void aQueryHasTheDocumentedLayout() throws MalformedFrameException {
        byte[] frame = FORMAT.encode(new KazaaMessage.Query(GUID, 3, 0, "blue moon"));
        String expected = "0000001e" + "03" + "11".repeat(16) + "03" + "00" + "0009" + "626c7565206d6f6f6e";
        assertEquals(expected, HexFormat.of().formatHex(frame));
    }

    @Test
    void queriesAndHitsAreTracedByTheirGuidAndNothingElseIs() {
        assertEquals(GUID, FORMAT.traceKey(new KazaaMessage.Query(GUID, 3, 0, "x")));
        assertEquals(GUID, FORMAT.traceKey(new KazaaMessage.QueryHit(GUID, 0, A, List.of())));
        assertNull(FORMAT.traceKey(new KazaaMessage.FileList(List.of())));
        assertNull(FORMAT.traceKey(new KazaaMessage.Attach(A, 0, 0, false, 0, false)));
    }

    @Test
    void aDecoderWaitsForTheWholeFrameAndTakesFramesOneByOne() throws MalformedFrameException {
        byte[] one = FORMAT.encode(new KazaaMessage.Query(GUID, 1, 0, "a"));
        byte[] two = FORMAT.encode(new KazaaMessage.RefreshList(false, List.of(A)));
        byte[] both = new byte[one.length + two.length];
        System.arraycopy(one, 0, both, 0, one.length);
        System.arraycopy(two, 0, both, one.length, two.length);
        FrameDecoder<KazaaMessage> decoder = FORMAT.newDecoder();
        ByteBuffer partial = ByteBuffer.wrap(both, 0, one.length - 1);
        assertNull(decoder.decode(partial));
        assertEquals(0, partial.position());
        ByteBuffer in = ByteBuffer.wrap(both);
        assertTrue(decoder.decode(in) instanceof KazaaMessage.Query);
        assertTrue(decoder.decode(in) instanceof KazaaMessage.RefreshList);
        assertEquals(both.length, in.position());
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void everyTruncatedBodyIsRejected(KazaaMessage m) {
        byte[] frame = FORMAT.encode(m);
        for (int cut = 1; cut < frame.length - 4; cut++) {
            byte[] body = Arrays.copyOfRange(frame, 4, frame.length - cut);
            assertThrows(MalformedFrameException.class, () -> decode(body), "body cut by " + cut + " bytes");
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] frame = FORMAT.encode(new KazaaMessage.DownloadRequest(ID, 0, 10));
        byte[] body = Arrays.copyOfRange(frame, 4, frame.length + 1);
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decode(body));
        assertTrue(e.getMessage().contains("unexpected bytes"), e.getMessage());
    }

    @Test
    void anUnknownTypeIsRejected() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decode(new byte[] {42}));
        assertTrue(e.getMessage().contains("unknown kazaa message type 42"), e.getMessage());
    }

    @Test
    void anOversizedFrameIsRejectedFromItsLengthAlone() {
        ByteBuffer header = ByteBuffer.allocate(8).putInt(KazaaFormat.MAX_BODY + 1).putInt(0).flip();
        assertThrows(MalformedFrameException.class, () -> FORMAT.newDecoder().decode(header));
        ByteBuffer negative = ByteBuffer.allocate(8).putInt(-1).putInt(0).flip();
        assertThrows(MalformedFrameException.class, () -> FORMAT.newDecoder().decode(negative));
    }

    @Test
    void aListCountBeyondTheBytesLeftIsRejectedBeforeAllocating() {
        byte[] body = {1, 1, (byte) 0xff, (byte) 0xff}; // AttachAck, accepted, 65535 peers, nothing more
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> decode(body));
        assertTrue(e.getMessage().contains("cannot fit"), e.getMessage());
    }

    @Test
    void invalidFieldValuesAreRejected() {
        // Attach with firewalled = 2
        byte[] attach = body(new KazaaMessage.Attach(A, 1, 1, false, 1, false));
        attach[attach.length - 10] = 2; // firewalled, before uptime (8) and backup (1)
        assertThrows(MalformedFrameException.class, () -> decode(attach));
        // a download chunk that claims to run past the end of the file
        byte[] data = body(new KazaaMessage.DownloadData(ID, 0, 3, new byte[] {1, 2, 3}));
        ByteBuffer.wrap(data).putLong(1 + 32 + 8, 2); // total = 2 < 3 bytes
        assertThrows(MalformedFrameException.class, () -> decode(data));
        // a role change code that does not exist
        byte[] role = body(new KazaaMessage.RoleChange(Change.DEMOTE, List.of()));
        role[1] = 9;
        assertThrows(MalformedFrameException.class, () -> decode(role));
        // a string that is not UTF-8
        byte[] query = body(new KazaaMessage.Query(GUID, 1, 0, "ab"));
        query[query.length - 1] = (byte) 0xff;
        assertThrows(MalformedFrameException.class, () -> decode(query));
    }

    @Test
    void messagesRefuseInvalidFieldsWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new KazaaMessage.Query(GUID, 256, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> new KazaaMessage.Query(GUID, 1, 0, " "));
        assertThrows(IllegalArgumentException.class, () -> new KazaaMessage.DownloadRequest(ID, 0, KazaaFormat.CHUNK + 1));
        assertThrows(IllegalArgumentException.class, () -> new SharedFile("", 1, ID));
        assertThrows(IllegalArgumentException.class, () -> new PeerRef(-1, A.address()));
    }

    private static byte[] body(KazaaMessage m) {
        byte[] frame = FORMAT.encode(m);
        return Arrays.copyOfRange(frame, 4, frame.length);
    }

    private static KazaaMessage decode(byte[] body) throws MalformedFrameException {
        ByteBuffer frame = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
        return FORMAT.newDecoder().decode(frame);
    }
}
