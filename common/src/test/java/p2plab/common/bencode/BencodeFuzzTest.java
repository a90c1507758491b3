package p2plab.common.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.transport.DecoderFuzzing;

/**
 * Coverage-guided fuzzing of {@link Bencode} (docs/fuzzing.md). Under {@code mvn verify} each
 * method runs once per file in {@code BencodeFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1}
 * Jazzer mutates new inputs.
 */
class BencodeFuzzTest {

    /** Any bytes: a value, or a BencodeException saying why; whatever decodes re-encodes byte for byte. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void decode(byte[] data) {
        Object value;
        try {
            value = Bencode.decode(data);
        } catch (BencodeException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a rejection must say why");
            return;
        }
        assertArrayEquals(data, Bencode.encode(value), "strict bencode re-encodes to the same bytes");
    }

    /** decode(encode(x)) == x for integers, strings, lists and dictionaries nested a few levels. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void roundTrip(FuzzedDataProvider in) {
        Object value = value(in, 0);
        Object back = Bencode.decode(Bencode.encode(value));
        assertTrue(DecoderFuzzing.deepEquals(value, back), () -> "decode(encode(x)) != x for " + Bencode.encode(value).length + " bytes");
    }

    static Object value(FuzzedDataProvider in, int depth) {
        switch (in.consumeInt(0, depth >= 4 ? 1 : 3)) {
            case 0:
                return in.consumeLong();
            case 1:
                return in.consumeBytes(in.consumeInt(0, 40));
            case 2: {
                List<Object> list = new ArrayList<>();
                for (int n = in.consumeInt(0, 4); n > 0; n--) {
                    list.add(value(in, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> dict = new LinkedHashMap<>();
                for (int n = in.consumeInt(0, 4); n > 0; n--) {
                    // keys are raw bytes held as ISO-8859-1, as the decoder gives them
                    dict.put(new String(in.consumeBytes(in.consumeInt(0, 12)), StandardCharsets.ISO_8859_1), value(in, depth + 1));
                }
                return dict;
            }
        }
    }
}
