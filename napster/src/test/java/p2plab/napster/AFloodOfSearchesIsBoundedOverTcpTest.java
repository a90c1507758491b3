package p2plab.napster;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static p2plab.common.transport.tcp.NonReadingPeer.answered;
import static p2plab.common.transport.tcp.NonReadingPeer.waitUntil;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import p2plab.common.metrics.Counts;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.transport.tcp.NonReadingPeer;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.napster.wire.NapMessage;
import p2plab.napster.wire.NapsterCodec;

/**
 * A client logs in, floods the index server with searches for a file it shares and never reads
 * the results. Without backpressure every result would pile up in Netty's buffer; with it, what
 * waits stays within the socket buffers plus the session's queue, and the rest is dropped and
 * counted.
 */
class AFloodOfSearchesIsBoundedOverTcpTest {
    private static final int SEARCHES = 20_000;
    private static final String NAME = "flood bait " + "x".repeat(1_500) + ".mp3"; // results of 1.6 KB
    private static final String HASH = "0f".repeat(32);

    @Test
    void resultsForAClientThatDoesNotReadAreDroppedAndCountedNotBuffered() throws Exception {
        try (TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withSeed(1).withIoThreads(1));
             Network net = new NapsterOverlay().create(NetworkSpec.of("n", 1, 1), tcp)) {
            int port = net.topology().peers().get(0).address().port();
            NapsterCodec codec = new NapsterCodec();
            try (Socket flooder = new Socket()) {
                flooder.setReceiveBufferSize(NonReadingPeer.RECEIVE_BUFFER); // and it never reads: the server's socket fills at once
                flooder.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                OutputStream out = new BufferedOutputStream(flooder.getOutputStream(), 1 << 16);
                out.write(codec.encode(new NapMessage.Login("flooder", "x", 6699, "test", 0)));
                out.write(codec.encode(new NapMessage.Share(NAME, HASH, 1)));
                for (int i = 0; i < SEARCHES; i++) {
                    out.write(codec.encode(new NapMessage.Search("s" + i, "flood bait", 100)));
                }
                // Then one more share: once the server has indexed it, every search before it has
                // been answered (sent, dropped or waiting); closing drops and counts what waits.
                out.write(codec.encode(new NapMessage.Share("the end.mp3", HASH, 1)));
                out.flush();
                waitUntil(() -> "2".equals(net.topology().peers().get(0).details().get("indexedFiles")), Duration.ofSeconds(30));
            }
            waitUntil(() -> answered(net.transport().metrics(), "napster/SearchResult") >= SEARCHES, Duration.ofSeconds(10)); // lost in flight: counted twice

            Counts results = net.metrics().byType().get("napster/SearchResult");
            long bound = NonReadingPeer.SOCKET_AND_NETTY_BYTES + (1 << 20) /* the session's queue */;
            assertTrue(results.bytesSent() <= bound, "results handed to the socket: " + results.bytesSent() + " > " + bound);
            assertTrue(results.dropped() > SEARCHES / 2, "dropped " + results.dropped());
        }
    }
}
