package p2plab.common.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.common.transport.ConnectFailedException;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.TestFormat;
import p2plab.common.transport.TestFormat.TestMessage;
import p2plab.common.transport.TransportContractTest.Recorder;

/** Ending nodes and transports: what the neighbours hear, and what is left behind (nothing). */
class CloseAndKillTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void closingTheTransportReleasesPortsAndStopsItsThreads() throws Exception {
        TcpTransport transport = new TcpTransport(TcpOptions.defaults().withIoThreads(2));
        Node<TestMessage> a = transport.open(NodeConfig.named("a"), new TestFormat(), new Recorder());
        Node<TestMessage> b = transport.open(NodeConfig.named("b"), new TestFormat(), new Recorder());
        transport.await(a.connect(b.address()), WAIT);
        int port = b.address().port();

        transport.close();

        assertTrue(transport.isTerminated());
        List<String> left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(transport.threadPrefix()))
                .map(Thread::getName).toList();
        assertEquals(List.of(), left);
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
        assertFalse(a.isAlive());
    }

    @Test
    void aNodeCanListenOnAPortAgainAfterItWasClosed() throws Exception {
        try (TcpTransport transport = new TcpTransport(TcpOptions.defaults().withIoThreads(1))) {
            Node<TestMessage> first = transport.open(NodeConfig.named("first"), new TestFormat(), new Recorder());
            int port = first.address().port();
            first.close();
            Node<TestMessage> second = transport.open(NodeConfig.named("second").withPort(port), new TestFormat(), new Recorder());
            assertEquals(new Address("127.0.0.1", port), second.address());
        }
    }

    @Test
    void aKilledNodeHearsNothingMoreAndItsNeighbourLearnsWhy() throws Exception {
        try (TcpTransport transport = new TcpTransport(TcpOptions.defaults().withIoThreads(2))) {
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            Node<TestMessage> na = transport.open(NodeConfig.named("a"), new TestFormat(), a);
            Node<TestMessage> nb = transport.open(NodeConfig.named("b"), new TestFormat(), b);
            Link<TestMessage> link = transport.await(na.connect(nb.address()), WAIT);
            transport.await(b.connected, WAIT);

            nb.kill();

            String reason = transport.await(a.closed, WAIT);
            assertTrue(reason.startsWith("connection reset by ") || reason.equals("closed by the remote peer"), reason);
            assertFalse(b.closed.isDone(), "a killed node's handler must not be called");
            na.execute(() -> link.send(TestMessage.of("ping", "anyone?")));
            transport.advance(Duration.ofMillis(100));
            assertEquals(1, transport.metrics().peer("a").get("test/ping").dropped());
        }
    }

    @Test
    void aGracefulCloseDeliversWhatWasSentFirst() throws Exception {
        try (TcpTransport transport = new TcpTransport(TcpOptions.defaults().withIoThreads(2))) {
            Recorder b = new Recorder();
            Node<TestMessage> na = transport.open(NodeConfig.named("a"), new TestFormat(), new Recorder());
            Node<TestMessage> nb = transport.open(NodeConfig.named("b"), new TestFormat(), b);
            Link<TestMessage> link = transport.await(na.connect(nb.address()), WAIT);

            na.execute(() -> {
                for (int i = 0; i < 100; i++) {
                    link.send(TestMessage.of("data", "m" + i));
                }
                link.close();
            });

            assertEquals("closed by the remote peer", transport.await(b.closed, WAIT));
            assertEquals(100, b.count());
        }
    }

    @Test
    void connectingWhereNobodyListensSaysSoInOneLine() throws Exception {
        try (TcpTransport transport = new TcpTransport(TcpOptions.defaults().withIoThreads(1))) {
            int free;
            try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
                free = probe.getLocalPort();
            }
            Node<TestMessage> a = transport.open(NodeConfig.named("a"), new TestFormat(), new Recorder());
            ConnectFailedException e = assertThrows(ConnectFailedException.class,
                    () -> transport.await(a.connect(new Address("127.0.0.1", free)), WAIT));
            assertEquals("nobody listens at 127.0.0.1:" + free, e.getMessage());
        }
    }

    @Test
    void idleLinksAreClosedWithAReason() throws Exception {
        try (TcpTransport transport = new TcpTransport(TcpOptions.defaults().withTimeScale(10).withIoThreads(1))) {
            Recorder b = new Recorder();
            Node<TestMessage> na = transport.open(NodeConfig.named("a"), new TestFormat(), new Recorder());
            Node<TestMessage> nb = transport.open(NodeConfig.named("b").withIdleTimeout(Duration.ofSeconds(2)), new TestFormat(), b);
            transport.await(na.connect(nb.address()), WAIT);

            assertEquals("idle for 2 s", transport.await(b.closed, WAIT));
        }
    }
}
