package p2plab.gnutella.message;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.transport.Address;
import p2plab.common.transport.DecoderFuzzing;

/**
 * Coverage-guided fuzzing of {@link GnutellaCodec} and its {@link GnutellaDecoder} (docs/fuzzing.md):
 * a connection's bytes, whatever it opens with (handshake, download request, download response),
 * decode to messages or close the link with a reason.
 */
class GnutellaCodecFuzzTest {
    private static final GnutellaCodec CODEC = new GnutellaCodec();

    /** Any bytes as one connection's stream, from its first byte. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void decode(byte[] stream) {
        DecoderFuzzing.decodeChecked(CODEC, stream);
    }

    /**
     * decode(encode(x)) == x on each kind of connection: the handshake then a descriptor of each
     * payload type; two download requests; one download response.
     */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void roundTrip(FuzzedDataProvider in) {
        switch (in.consumeInt(0, 2)) {
            case 0 -> DecoderFuzzing.assertRoundTrip(CODEC, Handshake.connect(headers(in)),
                    in.consumeBoolean() ? Handshake.ok(headers(in)) : Handshake.refuse(in.consumeInt(100, 999), line(in), headers(in)),
                    new Descriptor(Guid.of(Arrays.copyOf(in.consumeBytes(16), 16)), in.consumeInt(0, 255), in.consumeInt(0, 255), payload(in)));
            case 1 -> DecoderFuzzing.assertRoundTrip(CODEC, request(in), request(in));
            default -> {
                int status = in.consumeInt(100, 599);
                byte[] body = in.consumeBytes(in.consumeInt(0, 2000));
                boolean ok = status == 200 || status == 206;
                // an error carries no Content-Range, so first and total come back as 0
                DecoderFuzzing.assertRoundTrip(CODEC, new GetResponse(status, ok ? in.consumeLong(0, 1L << 40) : 0,
                        ok ? in.consumeLong(0, 1L << 40) : 0, body));
            }
        }
    }

    private static Payload payload(FuzzedDataProvider in) {
        return switch (in.consumeInt(0, 4)) {
            case 0 -> Ping.INSTANCE;
            case 1 -> new Pong(address(in), in.consumeLong(0, 0xFFFF_FFFFL), in.consumeLong(0, 0xFFFF_FFFFL));
            case 2 -> new Bye(in.consumeInt(0, 0xFFFF), text(in));
            case 3 -> new Query(in.consumeInt(0, 0xFFFF), text(in));
            default -> {
                List<QueryHit.Result> results = new ArrayList<>();
                for (int n = in.consumeInt(1, 5); n > 0; n--) {
                    results.add(new QueryHit.Result(in.consumeLong(0, 0xFFFF_FFFFL), in.consumeLong(0, 0xFFFF_FFFFL), text(in), text(in)));
                }
                yield new QueryHit(address(in), in.consumeLong(0, 0xFFFF_FFFFL), results, Guid.of(Arrays.copyOf(in.consumeBytes(16), 16)));
            }
        };
    }

    private static GetRequest request(FuzzedDataProvider in) {
        // masked rather than consumeLong(min, max): over the whole long range that gave negatives
        long first = in.consumeLong() & (Long.MAX_VALUE >> 1);
        String name = text(in);
        return new GetRequest(in.consumeLong() & Long.MAX_VALUE, name.isEmpty() ? "n" : name, first,
                first + (in.consumeLong() & (Long.MAX_VALUE >> 1)));
    }

    private static Address address(FuzzedDataProvider in) {
        return Address.ofIpv4(Arrays.copyOf(in.consumeBytes(4), 4), in.consumeInt(0, 65535));
    }

    private static Map<String, String> headers(FuzzedDataProvider in) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int n = in.consumeInt(0, 3); n > 0; n--) {
            String name = line(in).replace(":", "").trim(); // trimmed again: a colon removed may bare a blank
            headers.put(name.isEmpty() ? "X" : name, line(in));
        }
        return headers;
    }

    /** Text for a payload: anything without NUL. */
    private static String text(FuzzedDataProvider in) {
        return new String(in.consumeBytes(in.consumeInt(0, 40)), StandardCharsets.UTF_8).replace("\0", "");
    }

    /** Text for a head line: no line breaks, no blanks at either end (the decoder trims them). */
    private static String line(FuzzedDataProvider in) {
        return text(in).replace('\r', ' ').replace('\n', ' ').trim();
    }
}
