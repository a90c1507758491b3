package p2plab.common.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.TestFormat;
import p2plab.common.transport.TestFormat.TestMessage;
import p2plab.common.transport.TransportContractTest.Recorder;

/** Bytes from a raw socket that can never be a message cost the sender its connection, nothing more. */
class MalformedInputIsRejectedTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private TcpTransport transport = new TcpTransport(TcpOptions.defaults().withIoThreads(2));

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void anOversizedFrameClosesThatConnectionOnly() throws Exception {
        Recorder server = new Recorder();
        Node<TestMessage> node = transport.open(NodeConfig.named("server"), new TestFormat(1024), server);

        try (Socket raw = new Socket(node.address().host(), node.address().port())) {
            new DataOutputStream(raw.getOutputStream()).writeInt(0x7fff_ffff);
            assertClosedByPeer(raw);
        }

        String reason = transport.await(server.closed, WAIT);
        assertTrue(reason.startsWith("malformed frame from 127.0.0.1:"), reason);
        assertTrue(reason.contains("exceeds the limit of 1024 bytes"), reason);
        assertEquals(1, transport.metrics().peer("server").get("rejected").rejected());
        assertStillServes(node, server);
    }

    @Test
    void anUnknownMessageTypeClosesThatConnectionOnly() throws Exception {
        Recorder server = new Recorder();
        Node<TestMessage> node = transport.open(NodeConfig.named("server"), new TestFormat(), server);

        try (Socket raw = new Socket(node.address().host(), node.address().port())) {
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            byte[] good = new TestFormat().encode(TestMessage.of("ping", "fine"));
            byte[] bad = {0, 0, 0, 2, 99, 1}; // type 99 does not exist
            byte[] both = Arrays.copyOf(good, good.length + bad.length);
            System.arraycopy(bad, 0, both, good.length, bad.length);
            out.write(both); // one write, so usually one read: the good frame and the bad in one batch
            out.flush();
            assertClosedByPeer(raw);
        }

        String reason = transport.await(server.closed, WAIT);
        assertTrue(reason.endsWith("unknown message type 99"), reason);
        assertEquals("fine", transport.await(server.firstMessages(1), WAIT).get(0).text(), "the good frame before the bad one is delivered");
        assertEquals(1, transport.metrics().peer("server").get("rejected").rejected());
        assertStillServes(node, server);
    }

    @Test
    void bytesThatNeverBecomeAFrameAreCappedAndRejected() throws Exception {
        transport.close();
        transport = new TcpTransport(TcpOptions.defaults().withIoThreads(2).withMaxBufferedBytes(64 * 1024));
        FrameDecoder<TestMessage> neverEnough = in -> null;
        TestFormat greedy = new TestFormat() {
            @Override
            public FrameDecoder<TestMessage> newDecoder() {
                return neverEnough;
            }
        };
        Recorder server = new Recorder();
        Node<TestMessage> node = transport.open(NodeConfig.named("server"), greedy, server);

        try (Socket raw = new Socket(node.address().host(), node.address().port())) {
            try {
                raw.getOutputStream().write(new byte[256 * 1024]);
            } catch (SocketException e) {
                // the server may reset us while we are still writing: that is the point
            }
            assertClosedByPeer(raw);
        }

        String reason = transport.await(server.closed, WAIT);
        assertTrue(reason.contains("without a complete frame (limit 65536)"), reason);
        assertEquals(1, transport.metrics().peer("server").get("rejected").rejected());
    }

    /** The server ends the connection: end of stream or a reset, and well within the time limit. */
    private static void assertClosedByPeer(Socket raw) throws IOException {
        raw.setSoTimeout(10_000);
        InputStream in = raw.getInputStream();
        try {
            while (in.read() >= 0) {
                // drain until the server closes
            }
        } catch (SocketException e) {
            // connection reset: closed just as well
        }
    }

    private void assertStillServes(Node<TestMessage> node, Recorder server) throws TimeoutException {
        Recorder clientHandler = new Recorder();
        Node<TestMessage> client = transport.open(NodeConfig.named("client"), new TestFormat(), clientHandler);
        Link<TestMessage> link = transport.await(client.connect(node.address()), WAIT);
        int before = server.count();
        client.execute(() -> link.send(TestMessage.of("ping", "still there?")));
        TestMessage got = transport.await(server.firstMessages(before + 1), WAIT).get(before);
        assertEquals("still there?", got.text());
        assertTrue(node.isAlive());
    }
}
