package p2plab.bittorrent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.MalformedFrameException;

class PeerWireFormatTest {
    private final PeerWireFormat format = new PeerWireFormat();
    private static final byte[] HASH = new byte[20];
    private static final byte[] ID = "-PL0100-abcdefghijkl".getBytes();

    private FrameDecoder<PeerMessage> afterHandshake() throws MalformedFrameException {
        FrameDecoder<PeerMessage> d = format.newDecoder();
        d.decode(ByteBuffer.wrap(format.encode(PeerMessage.Handshake.of(HASH, ID))));
        return d;
    }

    @Test
    void handshakeIs68BytesWithTheProtocolName() throws Exception {
        byte[] bytes = format.encode(PeerMessage.Handshake.of(HASH, ID));
        assertEquals(68, bytes.length);
        assertEquals(19, bytes[0]);
        assertEquals("BitTorrent protocol", new String(bytes, 1, 19));
        PeerMessage.Handshake h = (PeerMessage.Handshake) format.newDecoder().decode(ByteBuffer.wrap(bytes));
        assertArrayEquals(ID, h.peerId());
    }

    @Test
    void everyMessageRoundTripsAndSizeOfMatchesEncode() throws Exception {
        List<PeerMessage> all = List.of(new PeerMessage.KeepAlive(), new PeerMessage.Choke(), new PeerMessage.Unchoke(),
                new PeerMessage.Interested(), new PeerMessage.NotInterested(), new PeerMessage.Have(7),
                new PeerMessage.Bitfield(new byte[] {(byte) 0xa0, 0x01}), new PeerMessage.Request(1, 16384, 16384),
                new PeerMessage.Piece(2, 0, new byte[] {1, 2, 3}), new PeerMessage.Cancel(1, 16384, 16384),
                new PeerMessage.Port(6881), new PeerMessage.Other(21, new byte[] {9}),
                new PeerMessage.Suggest(3), new PeerMessage.HaveAll(), new PeerMessage.HaveNone(),
                new PeerMessage.Reject(1, 16384, 16384), new PeerMessage.AllowedFast(4),
                new PeerMessage.Extended(0, new byte[] {'d', 'e'}));
        FrameDecoder<PeerMessage> d = afterHandshake();
        for (PeerMessage m : all) {
            byte[] bytes = format.encode(m);
            assertEquals(bytes.length, format.sizeOf(m), m.toString());
            assertEquals(m, d.decode(ByteBuffer.wrap(bytes)));
        }
    }

    @Test
    void knownByteLayouts() {
        assertEquals("0000000d0600000001000040000000 4000".replace(" ", ""),
                HexFormat.of().formatHex(format.encode(new PeerMessage.Request(1, 16384, 16384))));
        assertEquals("00000000", HexFormat.of().formatHex(format.encode(new PeerMessage.KeepAlive())));
        assertEquals("000000050400000007", HexFormat.of().formatHex(format.encode(new PeerMessage.Have(7))));
        // BEP 6 and BEP 10 ids: have all 0x0e, have none 0x0f, reject 0x10, extended 0x14 + extension id
        assertEquals("000000010e", HexFormat.of().formatHex(format.encode(new PeerMessage.HaveAll())));
        assertEquals("000000010f", HexFormat.of().formatHex(format.encode(new PeerMessage.HaveNone())));
        assertEquals("0000000d10000000010000400000004000",
                HexFormat.of().formatHex(format.encode(new PeerMessage.Reject(1, 16384, 16384))));
        assertEquals("00000004140064" + "65", HexFormat.of().formatHex(format.encode(new PeerMessage.Extended(0, new byte[] {'d', 'e'}))));
    }

    @Test
    void partialInputWaitsForMore() throws Exception {
        FrameDecoder<PeerMessage> d = afterHandshake();
        byte[] piece = format.encode(new PeerMessage.Piece(0, 0, new byte[100]));
        ByteBuffer in = ByteBuffer.allocate(piece.length);
        in.put(piece, 0, 50).flip();
        assertNull(d.decode(in));
        assertEquals(0, in.position());
        ByteBuffer whole = ByteBuffer.wrap(piece);
        assertInstanceOf(PeerMessage.Piece.class, d.decode(whole));
        assertEquals(piece.length, whole.position());
    }

    @Test
    void malformedAndOversizedAreRefused() throws Exception {
        assertThrows(MalformedFrameException.class, () -> format.newDecoder().decode(ByteBuffer.wrap(new byte[] {18})));
        byte[] wrongName = format.encode(PeerMessage.Handshake.of(HASH, ID));
        wrongName[5] = 'x';
        assertThrows(MalformedFrameException.class, () -> format.newDecoder().decode(ByteBuffer.wrap(wrongName)));
        FrameDecoder<PeerMessage> d = afterHandshake();
        assertThrows(MalformedFrameException.class, () -> d.decode(ByteBuffer.allocate(8).putInt(0, 1 << 24)));
        assertThrows(MalformedFrameException.class, () -> afterHandshake().decode(ByteBuffer.wrap(new byte[] {0, 0, 0, 2, 4, 0})));
        assertThrows(MalformedFrameException.class, () -> afterHandshake().decode(ByteBuffer.wrap(new byte[] {0, 0, 0, 2, 0, 0})));
        assertThrows(MalformedFrameException.class, () -> afterHandshake().decode(ByteBuffer.wrap(new byte[] {0, 0, 0, 5, 7, 0, 0, 0, 0})));
    }

    @Test
    void pieceSetUsesHighBitFirstAndRejectsSpareBits() {
        PieceSet s = new PieceSet(10);
        s.add(0);
        s.add(9);
        assertArrayEquals(new byte[] {(byte) 0x80, 0x40}, s.toWire());
        assertEquals(2, PieceSet.fromWire(new byte[] {(byte) 0x80, 0x40}, 10).count());
        assertThrows(IllegalArgumentException.class, () -> PieceSet.fromWire(new byte[] {0, 0x20}, 10));
        assertThrows(IllegalArgumentException.class, () -> PieceSet.fromWire(new byte[] {0}, 10));
    }
}
