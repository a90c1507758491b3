package p2plab.streaming.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.common.transport.MalformedFrameException;

class StreamingCodecTest {
    private final StreamingCodec codec = new StreamingCodec();

    @Test
    void everyMessageSurvivesTheWireAndSizeOfMatchesTheBytes() throws Exception {
        List<StreamMessage> all = List.of(new StreamMessage.Hello(6000), new StreamMessage.Request(7, 0, 32),
                new StreamMessage.Chunk(7, 3, 16_384), new StreamMessage.Refuse(7, 0, 32, true), new StreamMessage.Cancel(7),
                new StreamMessage.Lookup(9), new StreamMessage.Announce(9),
                new StreamMessage.Peers(9, List.of(new Address("127.0.0.2", 6000), new Address("127.0.0.3", 6001))),
                new StreamMessage.Search(-5L, 9, 2), new StreamMessage.Found(-5L, 9, new Address("127.0.0.4", 6000)),
                new StreamMessage.KeyRequest(3, 9), new StreamMessage.Key(3, 9));
        for (StreamMessage m : all) {
            byte[] bytes = codec.encode(m);
            assertEquals(bytes.length, codec.sizeOf(m), m.toString());
            assertEquals(m, codec.newDecoder().decode(ByteBuffer.wrap(bytes)));
        }
    }

    @Test
    void theRequestFrameIsAsDocumented() {
        byte[] b = codec.encode(new StreamMessage.Request(7, 0, 32));
        assertEquals("0000000d01000000070000000000000020", java.util.HexFormat.of().formatHex(b));
        // the key's answer carries 16 bytes of AES-128 key after its id and track
        assertEquals(4 + 1 + 8 + 16, codec.sizeOf(new StreamMessage.Key(3, 9)));
        assertEquals(16_384 + StreamingCodec.CHUNK_OVERHEAD, codec.sizeOf(new StreamMessage.Chunk(7, 3, 16_384)));
    }

    @Test
    void unknownTypesAndOversizedPeerListsAreRejected() {
        assertThrows(MalformedFrameException.class, () -> codec.newDecoder().decode(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 42})));
        ByteBuffer b = ByteBuffer.allocate(4 + 6).putInt(6).put((byte) 7).putInt(1).put((byte) 65);
        assertThrows(MalformedFrameException.class, () -> codec.newDecoder().decode(b.flip()));
    }

    @Test
    void aSearchTtlAbove127ComesBackAsSent() throws Exception {
        // The TTL is one byte: read signed, 200 came back as -56 and the search died at the first hop.
        for (int ttl : new int[] {0, 127, 128, 200, 255}) {
            StreamMessage.Search s = new StreamMessage.Search(1L, 9, ttl);
            assertEquals(s, codec.newDecoder().decode(ByteBuffer.wrap(codec.encode(s))));
        }
    }
}
