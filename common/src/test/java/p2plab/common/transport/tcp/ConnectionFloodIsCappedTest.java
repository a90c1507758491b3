package p2plab.common.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.TestFormat;
import p2plab.common.transport.TestFormat.TestMessage;

/**
 * A host that opens connection after connection to a node: past {@link TcpOptions#maxInbound()}
 * open at once, a new one is closed as soon as it is accepted (counted as rejected) and the
 * handler never hears of it; a connection that closes frees its place.
 */
class ConnectionFloodIsCappedTest {
    private final TcpTransport transport = new TcpTransport(TcpOptions.defaults().withIoThreads(1).withMaxInbound(3));

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void connectionsOverTheLimitAreClosedAtOnceAndAClosedOneFreesItsPlace() throws Exception {
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        Node<TestMessage> node = transport.open(NodeConfig.named("server"), new TestFormat(), new PeerHandler<>() {
            @Override
            public void onConnected(Link<TestMessage> link) {
                connected.incrementAndGet();
            }

            @Override
            public void onMessage(Link<TestMessage> link, TestMessage m) {
            }

            @Override
            public void onClosed(Link<TestMessage> link, String reason) {
                closed.incrementAndGet();
            }
        });
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                sockets.add(new Socket(node.address().host(), node.address().port()));
            }
            for (int i = 0; i < 3; i++) {
                assertStillOpen(sockets.get(i));
            }
            assertClosedByPeer(sockets.get(3));
            assertClosedByPeer(sockets.get(4));
            assertEquals(3, connected.get(), "the handler hears only of the admitted connections");
            assertEquals(2, transport.metrics().peer("server").get("rejected").rejected());

            sockets.get(0).close();
            NonReadingPeer.waitUntil(() -> closed.get() == 1, java.time.Duration.ofSeconds(10));
            Socket again = new Socket(node.address().host(), node.address().port());
            sockets.add(again);
            assertStillOpen(again);
            assertEquals(4, connected.get(), "a closed connection freed its place");
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static void assertStillOpen(Socket s) throws IOException {
        s.setSoTimeout(300);
        assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read(), "the connection stays open");
    }

    private static void assertClosedByPeer(Socket raw) throws IOException {
        raw.setSoTimeout(10_000);
        InputStream in = raw.getInputStream();
        try {
            assertEquals(-1, in.read(), "closed by the node");
        } catch (SocketException reset) {
            // a reset: closed just as well
        }
    }
}
