package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.Address;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * A servent over TCP speaks Gnutella 0.6 byte for byte: a plain socket on 127.0.0.1 does the
 * connect handshake by hand, pings, and reads a 23-byte-header Pong back.
 */
class HandshakeOverTcpTest {

    @Test
    void aPlainSocketCanHandshakeAndPing() throws Exception {
        try (TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withSeed(1).withIoThreads(1));
             GnutellaNetwork net = (GnutellaNetwork) new GnutellaOverlay().create(
                     NetworkSpec.of("t", 2, 1).withTopology(TopologySpec.of("line", 0)), tcp)) {
            Address servent = net.topology().peers().get(0).address();
            try (Socket socket = new Socket("127.0.0.1", servent.port())) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write("GNUTELLA CONNECT/0.6\r\nUser-Agent: handmade\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String response = readHead(in);
                assertTrue(response.startsWith("GNUTELLA/0.6 200 OK\r\n"), response);
                assertTrue(response.contains("User-Agent: "), response);
                out.write("GNUTELLA/0.6 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

                byte[] ping = new byte[23];
                for (int i = 0; i < 16; i++) {
                    ping[i] = (byte) (i + 1);
                }
                ping[16] = 0x00;  // Ping
                ping[17] = 1;     // TTL
                out.write(ping);
                out.flush();

                DataInputStream data = new DataInputStream(in);
                byte[] header = new byte[23];
                data.readFully(header);
                for (int i = 0; i < 16; i++) {
                    assertEquals(ping[i], header[i], "the Pong carries the Ping's GUID");
                }
                assertEquals(0x01, header[16], "payload type Pong");
                assertEquals(0, header[18], "hops 0");
                assertEquals(14, ByteBuffer.wrap(header, 19, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
                byte[] pong = new byte[14];
                data.readFully(pong);
                assertEquals(servent.port(), ByteBuffer.wrap(pong, 0, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF);
                assertEquals(127, pong[2]);
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.write(b);
            String s = head.toString(StandardCharsets.US_ASCII);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
    }
}
