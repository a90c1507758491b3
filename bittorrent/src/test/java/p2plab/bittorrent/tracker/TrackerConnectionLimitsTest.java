package p2plab.bittorrent.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.http.HttpFormat;
import p2plab.bittorrent.http.HttpMessage;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * Connections to a tracker carry one request each, so one that stays open is either slow to send
 * or a flood: it has {@link TrackerServer#REQUEST_TIMEOUT} to send its request, at most
 * {@link TrackerServer#MAX_CONNECTIONS} are open at once, and a request body is at most
 * {@link HttpFormat#MAX_REQUEST_BODY} bytes.
 */
class TrackerConnectionLimitsTest {
    private final SimTransport sim = SimTransport.withSeed(4);
    private final TrackerServer tracker = TrackerServer.start(sim, "tracker", 6969, Duration.ofSeconds(60));
    private final List<HttpMessage> answers = new ArrayList<>();
    private final Node<HttpMessage> client = sim.open(NodeConfig.named("client"), HttpFormat.client(), (l, m) -> answers.add(m));

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aConnectionThatSendsNoRequestIsClosedAfterTheTimeout() throws Exception {
        Link<HttpMessage> silent = sim.await(client.connect(tracker.node().address()), Duration.ofSeconds(1));
        sim.advance(TrackerServer.REQUEST_TIMEOUT.minusSeconds(2));
        assertTrue(silent.isOpen(), "not before the timeout");
        sim.advance(Duration.ofSeconds(3));
        assertFalse(silent.isOpen(), "closed once the timeout passed");
        assertEquals(0, tracker.openConnections());
    }

    @Test
    void pastTheLimitNewConnectionsAreClosedAndAnsweredOnesFreeTheirPlace() throws Exception {
        List<CompletableFuture<Link<HttpMessage>>> dials = new ArrayList<>();
        for (int i = 0; i < TrackerServer.MAX_CONNECTIONS + 10; i++) {
            dials.add(client.connect(tracker.node().address()));
        }
        sim.advance(Duration.ofSeconds(1));
        assertEquals(TrackerServer.MAX_CONNECTIONS, dials.stream().map(CompletableFuture::join).filter(Link::isOpen).count());
        assertEquals(TrackerServer.MAX_CONNECTIONS, tracker.openConnections());

        sim.advance(TrackerServer.REQUEST_TIMEOUT);
        assertEquals(0, tracker.openConnections(), "the silent ones were closed");
        Link<HttpMessage> link = sim.await(client.connect(tracker.node().address()), Duration.ofSeconds(1));
        link.send(HttpMessage.Request.get("/announce?info_hash=" + "x".repeat(20) + "&peer_id=" + "y".repeat(20)
                + "&port=7000&uploaded=0&downloaded=0&left=5&compact=1", "t"));
        sim.advance(Duration.ofSeconds(1));
        assertEquals(1, answers.size(), "a tracker with room answers again");
        assertEquals(200, ((HttpMessage.Response) answers.get(0)).status());
        assertEquals(0, tracker.openConnections(), "an answered connection is closed and forgotten");
    }

    @Test
    void aRequestBodyOverTheLimitIsRefusedBeforeItIsBuffered() throws Exception {
        String head = "POST /announce HTTP/1.1\r\nContent-Length: " + (HttpFormat.MAX_REQUEST_BODY + 1) + "\r\n\r\n";
        HttpMessage m = HttpFormat.server().newDecoder().decode(ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(new HttpMessage.Refused(400, "Bad Request", "Content-Length must be a number of bytes from 0 to 65536"), m);
    }
}
