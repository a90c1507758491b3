package p2plab.labs.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a browser, or anyone who reaches the address, can make the server hold: one request a
 * connection, a bounded request, a bounded number of connections with a deadline for their
 * request, and a page that stops reading is closed rather than buffered for.
 */
class ViewServerLimitsTest {
    private static final String HEAD = " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @Test
    void requestsPipelinedBehindTheFirstAreNotAnswered() throws Exception {
        try (ViewServer server = ViewServer.replay("127.0.0.1", 0, List.of("{}"))) {
            String many = "GET /view.css" + HEAD;
            String answer = exchange(server, many.repeat(50));
            assertEquals(1, count(answer, "HTTP/1.1 200 OK"), "one answer, then the connection closes");
        }
    }

    @Test
    void aRequestTooLongToReadIsBadRequestAndOtherMethodsSayWhatIsAllowed() throws Exception {
        try (ViewServer server = ViewServer.replay("127.0.0.1", 0, List.of("{}"))) {
            assertTrue(exchange(server, "GET /" + "a".repeat(5000) + HEAD).startsWith("HTTP/1.1 400 Bad Request\r\n"));
            String bigHeaders = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: " + "b".repeat(10_000) + "\r\n\r\n";
            assertTrue(exchange(server, bigHeaders).startsWith("HTTP/1.1 400 Bad Request\r\n"), "not the page");
            String body = exchange(server, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n" + "c".repeat(100_000));
            assertTrue(body.startsWith("HTTP/1.1 413 Request Entity Too Large\r\n"), body);
            String post = exchange(server, "POST /" + HEAD);
            assertTrue(post.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), post);
            assertTrue(post.toLowerCase().contains("\r\nallow: get, head\r\n"), post);
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAndSilentOnesTimeOut() throws Exception {
        ViewServer.Limits limits = new ViewServer.Limits(4, Duration.ofMillis(500), 1 << 20, 3);
        try (ViewServer server = ViewServer.replay("127.0.0.1", 0, List.of("{}"), limits)) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    idle.add(connect(server));
                }
                Thread.sleep(100);
                try (Socket fifth = connect(server)) {
                    assertEquals(-1, fifth.getInputStream().read(), "the fifth connection is closed at once");
                }
                long start = System.nanoTime();
                for (Socket s : idle) {
                    assertEquals(-1, s.getInputStream().read(), "a connection that sends no request is closed");
                }
                assertTrue(System.nanoTime() - start < 3_000_000_000L);
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
            Thread.sleep(100);
            assertTrue(exchange(server, "GET /" + HEAD).startsWith("HTTP/1.1 200 OK"), "room again");
        }
    }

    @Test
    void aPageThatStopsReadingIsClosedAndOneThatReadsStays() throws Exception {
        ViewServer.Limits limits = new ViewServer.Limits(16, Duration.ofSeconds(10), 1 << 20, 3);
        try (ViewServer server = ViewServer.live("127.0.0.1", 0, () -> null, null, limits);
                Socket stalled = webSocket(server, 4096);
                Socket reading = webSocket(server, 1 << 16)) {
            Thread drain = new Thread(() -> {
                byte[] sink = new byte[1 << 16];
                try (InputStream in = reading.getInputStream()) {
                    while (in.read(sink) >= 0) {
                        // a page that keeps up
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            drain.setDaemon(true);
            drain.start();
            awaitPages(server, 2);
            String label = "p".repeat(200); // about 6 MB a second, a busy network's rate
            long end = System.nanoTime() + 15_000_000_000L;
            while (server.pages() == 2 && System.nanoTime() < end) {
                for (int i = 0; i < 500; i++) {
                    server.hub().delivered(label, "gnutella/Query", "search-1"); // traced: never shed
                }
                Thread.sleep(20);
            }
            assertEquals(1, server.pages(), "the page that stopped reading was closed; the one reading was not");
            assertTrue(reading.isConnected() && !reading.isClosed());
        }
    }

    @Test
    void aRecordingLongerThanTheWriteBufferArrivesWholeAndInOrder() throws Exception {
        List<String> lines = IntStream.range(0, 400)
                .mapToObj(i -> "{\"frame\":\"batch\",\"seq\":" + i + ",\"pad\":\"" + "x".repeat(5_000) + "\"}").toList();
        ViewServer.Limits limits = new ViewServer.Limits(16, Duration.ofSeconds(10), 64 << 10, 3);
        try (ViewServer server = ViewServer.replay("127.0.0.1", 0, lines, limits); PageSocket page = new PageSocket(server.url())) {
            page.await(f -> f.size() == lines.size() + 1, Duration.ofSeconds(10), "the whole recording");
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(i, page.frames.get(i + 1).get("seq").asInt());
            }
        }
    }

    @Test
    void anotherSiteCannotReachTheViewThroughTheBrowser() throws Exception {
        try (ViewServer server = ViewServer.replay("127.0.0.1", 0, List.of("{}"))) {
            String host = "127.0.0.1:" + server.port();
            String rebound = exchange(server, "GET / HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\n\r\n");
            assertTrue(rebound.startsWith("HTTP/1.1 403 Forbidden\r\n"), "a name pointed at us: " + rebound);
            String upgrade = "GET /events HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
            assertTrue(exchange(server, upgrade + "Origin: https://evil.example\r\n\r\n").startsWith("HTTP/1.1 403 Forbidden\r\n"));
            assertTrue(firstLine(server, upgrade + "Origin: http://" + host + "\r\n\r\n").startsWith("HTTP/1.1 101"), "the page itself");
            assertTrue(exchange(server, "GET / HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\n\r\n").startsWith("HTTP/1.1 200 OK"));
        }
    }

    private static String firstLine(ViewServer server, String request) throws IOException {
        try (Socket s = connect(server)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private static void awaitPages(ViewServer server, int n) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (server.pages() != n) {
            if (System.nanoTime() > end) {
                throw new AssertionError(n + " pages did not open; " + server.pages());
            }
            Thread.sleep(10);
        }
    }

    /** A WebSocket opened by hand, its 101 read, then not read any more by the test thread. */
    private static Socket webSocket(ViewServer server, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(receiveBuffer);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        s.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the upgrade: " + head);
            }
            head.append((char) b);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
        return s;
    }

    private static Socket connect(ViewServer server) throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(5000);
        return s;
    }

    /** Sends {@code request} in one write and reads everything until the server closes. */
    private static String exchange(ViewServer server, String request) throws IOException {
        try (Socket s = connect(server)) {
            OutputStream o = s.getOutputStream();
            o.write(request.getBytes(StandardCharsets.US_ASCII));
            o.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                s.getInputStream().transferTo(all);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // a reset after the close counts as the end
            }
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
