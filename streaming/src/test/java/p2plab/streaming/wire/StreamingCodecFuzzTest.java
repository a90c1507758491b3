package p2plab.streaming.wire;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import p2plab.common.transport.Address;
import p2plab.common.transport.DecoderFuzzing;

/**
 * Coverage-guided fuzzing of {@link StreamingCodec} (docs/fuzzing.md): length-prefixed frames from
 * a hostile listener, edge or origin decode to valid messages or close the link with a reason.
 */
class StreamingCodecFuzzTest {
    private static final StreamingCodec CODEC = new StreamingCodec();

    /** Any bytes as one connection's stream. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void decode(byte[] stream) {
        DecoderFuzzing.decodeChecked(CODEC, stream);
    }

    /** decode(encode(x)) == x for every message type. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void roundTrip(FuzzedDataProvider in) {
        StreamMessage m = switch (in.consumeInt(0, 11)) {
            case 0 -> new StreamMessage.Hello(in.consumeInt(0, 65535));
            case 1 -> new StreamMessage.Request(in.consumeInt(), in.consumeInt(), in.consumeInt());
            case 2 -> new StreamMessage.Chunk(in.consumeInt(), in.consumeInt(), in.consumeInt(0, StreamingCodec.MAX_CHUNK_BYTES));
            case 3 -> new StreamMessage.Refuse(in.consumeInt(), in.consumeInt(), in.consumeInt(), in.consumeBoolean());
            case 4 -> new StreamMessage.Cancel(in.consumeInt());
            case 5 -> new StreamMessage.Lookup(in.consumeInt());
            case 6 -> new StreamMessage.Announce(in.consumeInt());
            case 7 -> {
                List<Address> holders = new ArrayList<>();
                for (int n = in.consumeInt(0, StreamingCodec.MAX_PEERS); n > 0; n--) {
                    holders.add(address(in));
                }
                yield new StreamMessage.Peers(in.consumeInt(), holders);
            }
            case 8 -> new StreamMessage.Search(in.consumeLong(), in.consumeInt(), in.consumeInt(0, 255));
            case 9 -> new StreamMessage.Found(in.consumeLong(), in.consumeInt(), address(in));
            case 10 -> new StreamMessage.KeyRequest(in.consumeInt(), in.consumeInt());
            default -> new StreamMessage.Key(in.consumeInt(), in.consumeInt());
        };
        DecoderFuzzing.assertRoundTrip(CODEC, m);
    }

    private static Address address(FuzzedDataProvider in) {
        byte[] ip = in.consumeBytes(4);
        return Address.ofIpv4(java.util.Arrays.copyOf(ip, 4), in.consumeInt(0, 65535));
    }
}
