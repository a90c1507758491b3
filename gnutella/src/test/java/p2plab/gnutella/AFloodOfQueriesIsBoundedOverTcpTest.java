package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static p2plab.common.transport.tcp.NonReadingPeer.answered;
import static p2plab.common.transport.tcp.NonReadingPeer.waitUntil;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.metrics.Counts;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.Address;
import p2plab.common.transport.tcp.NonReadingPeer;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.gnutella.message.Descriptor;
import p2plab.gnutella.message.GnutellaCodec;
import p2plab.gnutella.message.Guid;
import p2plab.gnutella.message.Pong;
import p2plab.gnutella.message.Query;
import p2plab.gnutella.servent.ServentConfig;

/**
 * A hostile neighbour floods a servent with queries for a file it shares and never reads the
 * QueryHits. Without backpressure every hit would pile up in Netty's buffer; with it, what
 * waits stays within the socket buffers plus {@link ServentConfig#SEND_QUEUE_BYTES}, and the
 * rest is dropped and counted.
 */
class AFloodOfQueriesIsBoundedOverTcpTest {
    private static final int QUERIES = 20_000;
    private static final String NAME = "flood bait " + "x".repeat(1_000) + ".ogg"; // a long name: hits of 1 KB

    @Test
    void hitsForANeighbourThatDoesNotReadAreDroppedAndCountedNotBuffered() throws Exception {
        try (TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withSeed(1).withIoThreads(1));
             GnutellaNetwork net = (GnutellaNetwork) new GnutellaOverlay().create(
                     NetworkSpec.of("t", 2, 1).withTopology(TopologySpec.of("line", 0)), tcp)) {
            net.share(PeerId.of(0), new BytesContent(NAME, new byte[] {1}));
            Address servent = net.topology().peers().get(0).address();
            try (Socket flooder = new Socket()) {
                flooder.setReceiveBufferSize(NonReadingPeer.RECEIVE_BUFFER); // and it never reads: the servent's socket fills at once
                flooder.connect(new InetSocketAddress("127.0.0.1", servent.port()), 5000);
                flooder.setSoTimeout(5000);
                OutputStream out = new BufferedOutputStream(flooder.getOutputStream(), 1 << 16);
                out.write("GNUTELLA CONNECT/0.6\r\nUser-Agent: flooder\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                readHead(flooder.getInputStream());
                out.write("GNUTELLA/0.6 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                GnutellaCodec codec = new GnutellaCodec();
                SplittableRandom random = new SplittableRandom(2);
                for (int i = 0; i < QUERIES; i++) {
                    out.write(codec.encode(new Descriptor(Guid.random(random), 1, 0, new Query(0, "flood bait"))));
                }
                // After the last query, a Pong naming a new host: once the servent knows one host more,
                // every query has its hit, sent, dropped or waiting. Closing the socket then drops (and
                // counts) what waits.
                String before = net.topology().peers().get(0).details().get("known hosts");
                out.write(codec.encode(new Descriptor(Guid.random(random), 1, 0, new Pong(new Address("127.0.0.9", 6346), 0, 0))));
                out.flush();
                waitUntil(() -> !before.equals(net.topology().peers().get(0).details().get("known hosts")), Duration.ofSeconds(30));
            }
            waitUntil(() -> answered(net.transport().metrics(), "gnutella/QueryHit") >= QUERIES, Duration.ofSeconds(10)); // lost in flight: counted twice

            Counts hits = net.metrics().byType().get("gnutella/QueryHit");
            long bound = NonReadingPeer.SOCKET_AND_NETTY_BYTES + ServentConfig.SEND_QUEUE_BYTES;
            assertTrue(hits.bytesSent() <= bound, "hits handed to the socket: " + hits.bytesSent() + " > " + bound);
            assertTrue(hits.dropped() > QUERIES / 2, "dropped " + hits.dropped());
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
