package p2plab.napster.wire;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import p2plab.common.transport.DecoderFuzzing;

/**
 * Coverage-guided fuzzing of {@link NapsterCodec} (docs/fuzzing.md). The decoder never closes a
 * link for a bad frame: it skips the frame and hands up {@link NapMessage.Invalid} with the
 * reason, which the server turns into a 404 error message.
 */
class NapsterCodecFuzzTest {
    private static final NapsterCodec CODEC = new NapsterCodec();

    /** Any bytes from a client or server: messages, and Invalid ones that say what was wrong. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void decode(byte[] stream) {
        for (NapMessage m : DecoderFuzzing.decodeChecked(CODEC, stream).messages()) {
            if (m instanceof NapMessage.Invalid invalid) {
                assertFalse(invalid.reason() == null || invalid.reason().isBlank(), "an Invalid frame says why");
            } else {
                assertTrue(m.type().code() >= 0);
            }
        }
    }

    /** decode(encode(x)) == x for every message type, with sizeOf equal to the encoded length. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void roundTrip(FuzzedDataProvider in) {
        NapMessage m = switch (in.consumeInt(0, 19)) {
            case 0 -> new NapMessage.LoginError(text(in));
            case 1 -> new NapMessage.Login(word(in), word(in), in.consumeInt(0, 65535), name(in), in.consumeInt());
            case 2 -> new NapMessage.LoginAck(word(in));
            case 3 -> new NapMessage.Share(name(in), hash(in), natural(in));
            case 4 -> new NapMessage.Unshare(name(in));
            case 5 -> new NapMessage.Search(word(in), name(in), (int) (natural(in) >>> 32));
            case 6 -> new NapMessage.SearchResult(word(in), name(in), hash(in), natural(in), word(in), word(in),
                    in.consumeInt());
            case 7 -> NapsterCodec.encodeHit(name(in), hash(in), natural(in), word(in), word(in), in.consumeInt())
                    .forSearch(word(in));
            case 8 -> new NapMessage.SearchEnd(word(in));
            case 9 -> new NapMessage.DownloadRequest(word(in), name(in));
            case 10 -> new NapMessage.DownloadAck(word(in), word(in), in.consumeInt(0, 65535), name(in), hash(in), in.consumeInt());
            case 11 -> new NapMessage.GetError(word(in), name(in));
            case 12 -> new NapMessage.Browse(word(in));
            case 13 -> new NapMessage.BrowseResult(word(in), name(in), hash(in), natural(in));
            case 14 -> new NapMessage.BrowseEnd(word(in));
            case 15 -> new NapMessage.ErrorMessage(text(in));
            case 16 -> new NapMessage.Ping();
            case 17 -> new NapMessage.Get(word(in), name(in), natural(in));
            case 18 -> new NapMessage.GetAck(natural(in));
            default -> in.consumeBoolean()
                    ? new NapMessage.ChunkAck(natural(in))
                    : new NapMessage.Chunk(natural(in), in.consumeBytes(in.consumeInt(0, NapsterCodec.MAX_CHUNK)));
        };
        DecoderFuzzing.assertRoundTrip(CODEC, m);
    }

    /** Free text: any characters the fuzzer makes from UTF-8 bytes. */
    private static String text(FuzzedDataProvider in) {
        return new String(in.consumeBytes(in.consumeInt(0, 60)), StandardCharsets.UTF_8);
    }

    /** A quoted name: any text without double quotes. */
    private static String name(FuzzedDataProvider in) {
        return text(in).replace("\"", "");
    }

    /** One word: non-empty, no spaces or quotes. */
    private static String word(FuzzedDataProvider in) {
        String w = name(in).replace(" ", "");
        return w.isEmpty() ? "w" : w;
    }

    private static String hash(FuzzedDataProvider in) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            s.append("0123456789abcdef".charAt(in.consumeInt(0, 15)));
        }
        return s.toString();
    }

    /** A long >= 0; masked, since consumeLong(0, Long.MAX_VALUE) handed out negatives when fuzzing. */
    private static long natural(FuzzedDataProvider in) {
        return in.consumeLong() & Long.MAX_VALUE;
    }
}
