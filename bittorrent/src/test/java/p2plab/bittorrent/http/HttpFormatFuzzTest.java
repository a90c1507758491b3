package p2plab.bittorrent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import p2plab.common.transport.DecoderFuzzing;

/**
 * Coverage-guided fuzzing of the tracker's HTTP codec (docs/fuzzing.md): what a client sends to
 * our tracker ({@link HttpFormat#server()}) and what a tracker answers our client ({@link
 * HttpFormat#client()}).
 */
class HttpFormatFuzzTest {

    /** Any bytes sent to the tracker: requests, or the connection closed with a reason. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void decodeRequests(byte[] stream) {
        DecoderFuzzing.decodeChecked(HttpFormat.server(), stream);
    }

    /** Any bytes a tracker answers: responses, or the connection closed with a reason. */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void decodeResponses(byte[] stream) {
        DecoderFuzzing.decodeChecked(HttpFormat.client(), stream);
    }

    /**
     * decode(encode(x)) == x for requests and responses, except that the decoded message also
     * shows the Content-Length header the encoder adds.
     */
    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void roundTrip(FuzzedDataProvider in) {
        boolean request = in.consumeBoolean();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int n = in.consumeInt(0, 4); n > 0; n--) {
            headers.put(token(in, "abcdefghijklmnopqrstuvwxyz-", 10), text(in));
        }
        byte[] body = in.consumeBytes(in.consumeInt(0, 600));
        HttpMessage sent = request
                ? new HttpMessage.Request(token(in, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 7), "/" + token(in, "abc/?&=%+-._~0123456789", 40), headers, body)
                : new HttpMessage.Response(in.consumeInt(100, 599), text(in), headers, body);
        Map<String, String> expectedHeaders = new LinkedHashMap<>(headers);
        if (!request || body.length > 0) {
            expectedHeaders.put("content-length", Integer.toString(body.length));
        }
        HttpMessage expected = sent instanceof HttpMessage.Request r
                ? new HttpMessage.Request(r.method(), r.target(), expectedHeaders, body)
                : new HttpMessage.Response(((HttpMessage.Response) sent).status(), ((HttpMessage.Response) sent).reason(), expectedHeaders, body);

        HttpFormat format = request ? HttpFormat.server() : HttpFormat.client();
        byte[] bytes = format.encode(sent);
        DecoderFuzzing.Outcome<HttpMessage> back = DecoderFuzzing.decodeChecked(format, bytes);
        assertNull(back.rejection(), () -> "the decoder refused what the encoder wrote: " + back.rejection());
        assertEquals(1, back.messages().size());
        assertEquals(bytes.length, back.consumed());
        assertTrue(DecoderFuzzing.deepEquals(expected, back.messages().get(0)), () -> expected + " became " + back.messages().get(0));
    }

    /** DecoderFuzzing's piece check, at the cut that shows it: a long head was refused in pieces but taken whole. */
    @Test
    void aHeadOverTheLimitIsRefusedWholeAndInPieces() {
        byte[] head = ("GET / HTTP/1.1\r\nX: " + "a".repeat(HttpFormat.MAX_HEAD) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        DecoderFuzzing.Outcome<HttpMessage> whole = DecoderFuzzing.decode(HttpFormat.server().newDecoder(), head, false);
        DecoderFuzzing.Outcome<HttpMessage> pieces = DecoderFuzzing.decode(HttpFormat.server().newDecoder(), head, false, HttpFormat.MAX_HEAD + 10);
        assertEquals(List.of(new HttpMessage.Refused(431, "Request Header Fields Too Large",
                "header block longer than " + HttpFormat.MAX_HEAD + " bytes")), whole.messages());
        assertEquals(whole.messages(), pieces.messages());

        byte[] longest = ("GET / HTTP/1.1\r\nX: " + "a".repeat(HttpFormat.MAX_HEAD - 19) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertEquals(HttpFormat.MAX_HEAD + 4, longest.length);
        for (int cut = HttpFormat.MAX_HEAD - 1; cut <= longest.length; cut++) {
            DecoderFuzzing.Outcome<HttpMessage> o = DecoderFuzzing.decode(HttpFormat.server().newDecoder(), longest, false, cut);
            assertNull(o.rejection(), "cut at " + cut);
            assertFalse(o.messages().stream().anyMatch(m -> m instanceof HttpMessage.Refused), "cut at " + cut);
        }
    }

    /** A non-empty word of {@code alphabet}'s characters. */
    private static String token(FuzzedDataProvider in, String alphabet, int maxLength) {
        StringBuilder s = new StringBuilder();
        for (int n = in.consumeInt(1, maxLength); n > 0; n--) {
            s.append(alphabet.charAt(in.consumeInt(0, alphabet.length() - 1)));
        }
        return s.toString();
    }

    /** Header value or reason phrase: one line of ISO-8859-1 without leading or trailing blanks. */
    private static String text(FuzzedDataProvider in) {
        return new String(in.consumeBytes(in.consumeInt(0, 40)), StandardCharsets.ISO_8859_1)
                .replace('\r', ' ').replace('\n', ' ').trim();
    }
}
