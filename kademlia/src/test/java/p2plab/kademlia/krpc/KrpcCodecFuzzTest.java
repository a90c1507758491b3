package p2plab.kademlia.krpc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import p2plab.common.transport.DecoderFuzzing;
import p2plab.kademlia.krpc.KrpcMessage.AnnouncePeer;
import p2plab.kademlia.krpc.KrpcMessage.FindNode;
import p2plab.kademlia.krpc.KrpcMessage.GetPeers;
import p2plab.kademlia.krpc.KrpcMessage.KrpcError;
import p2plab.kademlia.krpc.KrpcMessage.Malformed;
import p2plab.kademlia.krpc.KrpcMessage.Ping;

/**
 * Coverage-guided fuzzing of {@link KrpcCodec} (docs/fuzzing.md). A datagram from anyone must
 * come out as a message or as {@link Malformed} with a reason, never as an exception, since a
 * DHT node answers the whole internet; and what the codec writes it reads back unchanged.
 */
class KrpcCodecFuzzTest {
    private final KrpcCodec codec = new KrpcCodec();

    /** Any bytes: a message, or Malformed saying why; a query it accepts re-encodes to the same query. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void decode(byte[] datagram) {
        KrpcMessage m = codec.decodeDatagram(ByteBuffer.wrap(datagram));
        if (m instanceof Malformed bad) {
            assertFalse(bad.reason() == null || bad.reason().isBlank(), "a malformed datagram is counted with its reason");
            return;
        }
        if (m instanceof KrpcMessage.Query) {
            KrpcMessage back = codec.decode(codec.encode(m));
            assertTrue(DecoderFuzzing.deepEquals(m, back), () -> "decode(encode(x)) != x for " + m);
        }
    }

    /** decode(encode(x)) == x for the BEP 5 queries and errors, with sizeOf equal to the encoded length. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void roundTrip(FuzzedDataProvider in) {
        byte[] t = in.consumeBytes(in.consumeInt(1, KrpcCodec.MAX_TRANSACTION_ID));
        if (t.length == 0) {
            return;
        }
        NodeId sender = id(in);
        KrpcMessage m = switch (in.consumeInt(0, 4)) {
            case 0 -> new Ping(t, sender);
            case 1 -> new FindNode(t, sender, id(in));
            case 2 -> new GetPeers(t, sender, id(in));
            case 3 -> {
                byte[] token = in.consumeBytes(in.consumeInt(1, KrpcCodec.MAX_TOKEN));
                yield token.length == 0 ? new Ping(t, sender)
                        : new AnnouncePeer(t, sender, id(in), in.consumeInt(1, 65_535), token, in.consumeBoolean());
            }
            default -> new KrpcError(t, in.consumeInt(201, 204), in.consumeAsciiString(60));
        };
        byte[] wire = codec.encode(m);
        assertTrue(codec.sizeOf(m) == wire.length, () -> "sizeOf " + codec.sizeOf(m) + " but " + wire.length + " bytes for " + m);
        KrpcMessage back = codec.decode(wire);
        assertTrue(DecoderFuzzing.deepEquals(m, back), () -> "decode(encode(x)) != x: " + m + " came back as " + back);
    }

    private static NodeId id(FuzzedDataProvider in) {
        byte[] b = in.consumeBytes(20);
        return NodeId.of(b.length == 20 ? b : java.util.Arrays.copyOf(b, 20));
    }
}
