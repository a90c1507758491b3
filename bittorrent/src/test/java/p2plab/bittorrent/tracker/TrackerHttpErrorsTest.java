package p2plab.bittorrent.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import p2plab.common.bencode.Bencode;
import p2plab.bittorrent.http.Urls;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * What an outside tester sends a tracker over a real socket: bad parameters get a bencoded
 * failure reason; requests the HTTP codec cannot take get their status and a close.
 */
class TrackerHttpErrorsTest {
    private static TcpTransport tcp;
    private static int port;
    private static final String HASH = Urls.encode("0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII));
    private static final String ID = Urls.encode("-XX0000-000000000001".getBytes(StandardCharsets.US_ASCII));

    @BeforeAll
    static void start() {
        tcp = new TcpTransport();
        port = TrackerServer.start(tcp, "tracker", 0, Duration.ofSeconds(60)).node().address().port();
    }

    @AfterAll
    static void stop() {
        tcp.close();
    }

    /** Sends raw bytes, then reads until the tracker closes; the whole reply as text. */
    private static String exchange(byte[] request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedWhileSending) {
                // the tracker may answer and close before a huge request is all sent; read what it said
            }
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    reply.write(buf, 0, n);
                }
            } catch (IOException reset) {
                // a reset after the reply: keep what arrived
            }
            return reply.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String get(String target) throws IOException {
        return exchange(("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String failureReason(String reply) {
        assertTrue(reply.startsWith("HTTP/1.1 200 "), reply);
        byte[] body = reply.substring(reply.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Object> d = Bencode.dict(Bencode.decode(body), "reply");
        assertTrue(d.containsKey("failure reason"), reply);
        return Bencode.text(d.get("failure reason"), "failure reason");
    }

    private static String announce(String extra) {
        return "/announce?info_hash=" + HASH + "&peer_id=" + ID + "&port=7000&uploaded=0&downloaded=0&left=10" + extra;
    }

    @Test
    void badParametersGetABencodedFailureReason() throws Exception {
        assertEquals("parameter left must be a whole number of at least 0", failureReason(get(announce("").replace("left=10", "left=-1"))));
        assertEquals("parameter uploaded must be a whole number of at least 0", failureReason(get(announce("").replace("uploaded=0", "uploaded=abc"))));
        assertEquals("bad %-escape '%zz' at position 0: % must be followed by two hex digits",
                failureReason(get(announce("&key=%zz"))));
        assertEquals("info_hash must be 20 bytes, got 19",
                failureReason(get("/scrape?info_hash=" + Urls.encode("0123456789abcdefghi".getBytes(StandardCharsets.US_ASCII)))));
    }

    private static void assertStatusAndClose(String reply, int status) {
        assertTrue(reply.startsWith("HTTP/1.1 " + status + " "), "expected " + status + ", got: "
                + reply.substring(0, Math.min(200, reply.length())));
        assertTrue(reply.toLowerCase().contains("connection: close"), reply);
    }

    @Test
    void requestsTheCodecCannotTakeGetTheirStatus() throws Exception {
        assertStatusAndClose(exchange("\u0001\u0002garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)), 400);
        assertStatusAndClose(get("/announce?x=" + "a".repeat(100_000)), 414);
        assertStatusAndClose(exchange(("GET /announce HTTP/1.1\r\nX-Big: " + "b".repeat(1 << 20) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)), 431);
        assertStatusAndClose(exchange(("POST /announce HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)), 411);
        assertStatusAndClose(exchange("POST /announce HTTP/1.1\r\nContent-Length: -5\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)), 400);
    }

    @Test
    void twoPipelinedRequestsGetOneAnswerThatSaysItCloses() throws Exception {
        String one = "GET " + announce("") + " HTTP/1.1\r\nHost: t\r\nConnection: keep-alive\r\n\r\n";
        String reply = exchange((one + one).getBytes(StandardCharsets.ISO_8859_1));
        assertStatusAndClose(reply, 200);
        assertEquals(1, reply.split("HTTP/1.1 ", -1).length - 1, "one answer, then the close it announced: " + reply);
    }
}
