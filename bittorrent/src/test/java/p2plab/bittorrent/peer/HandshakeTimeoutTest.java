package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * Over real TCP: a peer that sends 30 bytes of a 68-byte handshake, or trickles one byte every half
 * second, is disconnected once the handshake timeout (1 s here, 10 s by default) has passed; in
 * simulation, a connection that sends nothing is closed after the same timeout.
 */
class HandshakeTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void aPartialHandshakeIsDisconnected() throws Exception {
        try (TcpTransport tcp = new TcpTransport(); Socket s = dial(tcp)) {
            OutputStream out = s.getOutputStream();
            out.write(handshakeStart(), 0, 30);
            out.flush();
            long t0 = System.nanoTime();
            assertEquals(-1, readUntilClosed(s, 5_000), "connection closed");
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds >= 0.5 && seconds < 4, "closed after about the timeout, not at once and not never: " + seconds + " s");
        }
    }

    @Test
    void aTrickledHandshakeIsDisconnected() throws Exception {
        try (TcpTransport tcp = new TcpTransport(); Socket s = dial(tcp)) {
            OutputStream out = s.getOutputStream();
            byte[] h = handshakeStart();
            long t0 = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < h.length && !closed; i++) {
                try {
                    out.write(h[i]);
                    out.flush();
                } catch (IOException e) {
                    closed = true; // the peer reset the connection
                    break;
                }
                s.setSoTimeout(500);
                try {
                    closed = s.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // half a second passed with the link open: send the next byte
                } catch (IOException reset) {
                    closed = true;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(closed, "one byte every half second must not keep the connection open");
            assertTrue(seconds < 4, "closed within the timeout and a margin: " + seconds + " s");
        }
    }

    @Test
    void inSimulationASilentConnectionIsClosedAfterTheDefaultTimeout() throws Exception {
        try (SimTransport sim = SimTransport.withSeed(5)) {
            Client c = Client.open(sim, "victim", 0, NodeConfig.named("victim"), ClientOptions.defaults());
            Node<PeerMessage> silent = sim.open(NodeConfig.named("silent"), new PeerWireFormat(), (l, m) -> { });
            Link<PeerMessage> link = sim.await(silent.connect(c.address()), Duration.ofSeconds(1));
            sim.advance(PeerConfig.DEFAULT_HANDSHAKE_TIMEOUT.minusSeconds(1));
            assertTrue(link.isOpen(), "not before the timeout");
            sim.advance(Duration.ofSeconds(2));
            assertTrue(!link.isOpen(), "closed once the handshake timeout passed");
        }
    }

    private static Socket dial(TcpTransport tcp) throws IOException {
        ClientOptions opts = ClientOptions.defaults().withPeer(PeerConfig.DEFAULTS.withHandshakeTimeout(TIMEOUT));
        Client c = Client.open(tcp, "victim", 0, NodeConfig.named("victim"), opts);
        return new Socket(InetAddress.getLoopbackAddress(), c.address().port());
    }

    /** A valid handshake's bytes (the torrent does not matter: it is never completed). */
    private static byte[] handshakeStart() {
        byte[] h = new byte[PeerWireFormat.HANDSHAKE_BYTES];
        h[0] = 19;
        System.arraycopy(PeerWireFormat.PROTOCOL, 0, h, 1, 19);
        return h;
    }

    /** -1 once the peer closes (or resets) the connection; 0 if it is still open after {@code millis}. */
    private static int readUntilClosed(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        try {
            while (s.getInputStream().read() != -1) {
                // nothing is expected before the handshake; keep reading until the end
            }
            return -1;
        } catch (SocketTimeoutException stillOpen) {
            return 0;
        } catch (IOException reset) {
            return -1;
        }
    }
}
