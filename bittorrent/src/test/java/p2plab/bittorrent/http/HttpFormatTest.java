package p2plab.bittorrent.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.MalformedFrameException;

class HttpFormatTest {

    @Test
    void requestRoundTripsThroughTheServerDecoder() throws Exception {
        HttpMessage.Request r = HttpMessage.Request.get("/announce?info_hash=%00%FF&port=1", "127.0.0.1:6969");
        byte[] bytes = HttpFormat.client().encode(r);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertEquals("GET /announce?info_hash=%00%FF&port=1 HTTP/1.1\r\n", text.substring(0, text.indexOf('\n') + 1));
        HttpMessage.Request back = (HttpMessage.Request) HttpFormat.server().newDecoder().decode(ByteBuffer.wrap(bytes));
        assertEquals("/announce", back.path());
        assertEquals("127.0.0.1:6969", back.headers().get("host"));
        assertArrayEquals(new byte[] {0, (byte) 0xff}, Urls.query(back.query()).get("info_hash").get(0));
    }

    @Test
    void responseBodyIsCutByContentLength() throws Exception {
        byte[] bytes = HttpFormat.server().encode(HttpMessage.Response.ok("text/plain", "d1:ai1ee".getBytes()));
        FrameDecoder<HttpMessage> d = HttpFormat.client().newDecoder();
        ByteBuffer partial = ByteBuffer.wrap(bytes, 0, bytes.length - 2);
        assertNull(d.decode(partial.slice()));
        HttpMessage.Response r = (HttpMessage.Response) d.decode(ByteBuffer.wrap(bytes));
        assertEquals(200, r.status());
        assertEquals("d1:ai1ee", new String(r.body()));
    }

    @Test
    void readsAnotherServersHttp10Reply() throws Exception {
        byte[] raw = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc".getBytes();
        HttpMessage.Response r = (HttpMessage.Response) HttpFormat.client().newDecoder().decode(ByteBuffer.wrap(raw));
        assertEquals("abc", new String(r.body()));
    }

    private static HttpMessage.Refused refused(String raw) throws Exception {
        return assertInstanceOf(HttpMessage.Refused.class,
                HttpFormat.server().newDecoder().decode(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Test
    void aServerTurnsWhatItCannotTakeIntoAStatusToAnswer() throws Exception {
        assertEquals(400, refused("HELLO\r\n\r\n").status());
        assertEquals(400, refused("GET / HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n").status());
        assertEquals(400, refused("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n").status());
        assertEquals(411, refused("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n").status());
        assertEquals(414, refused("GET /" + "a".repeat(100_000)).status(), "a 100 KB URL, even before its line ends");
        assertEquals(431, refused("GET / HTTP/1.1\r\nX: " + "a".repeat(20000)).status());
        assertEquals(431, refused("GET / HTTP/1.1\r\nX: " + "a".repeat(20000) + "\r\n\r\n").status());
    }

    @Test
    void afterARefusalTheRestOfTheStreamIsDiscarded() throws Exception {
        FrameDecoder<HttpMessage> d = HttpFormat.server().newDecoder();
        ByteBuffer in = ByteBuffer.wrap("HELLO\r\n\r\nGET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertInstanceOf(HttpMessage.Refused.class, d.decode(in));
        assertNull(d.decode(in));
        assertEquals(0, in.remaining());
    }

    @Test
    void aClientStillRefusesBrokenReplies() {
        assertThrows(MalformedFrameException.class, () -> HttpFormat.client().newDecoder()
                .decode(ByteBuffer.wrap("HELLO\r\n\r\n".getBytes())));
        assertThrows(MalformedFrameException.class, () -> HttpFormat.client().newDecoder()
                .decode(ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n").getBytes())));
    }

    @Test
    void queryParsing() {
        assertEquals(Map.of(), Urls.query(""));
        assertEquals(List.of("a b"), Urls.query("q=a+b").get("q").stream().map(String::new).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Urls.query("info_hash=%zz"));
        assertEquals("bad %-escape '%zz' at position 0: % must be followed by two hex digits", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Urls.query("a=%4"));
    }
}
