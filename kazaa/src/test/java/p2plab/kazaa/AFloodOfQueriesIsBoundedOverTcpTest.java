package p2plab.kazaa;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static p2plab.common.transport.tcp.NonReadingPeer.answered;
import static p2plab.common.transport.tcp.NonReadingPeer.waitUntil;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.content.ContentId;
import p2plab.common.metrics.Counts;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.Address;
import p2plab.common.transport.tcp.NonReadingPeer;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.kazaa.wire.Guid;
import p2plab.kazaa.wire.KazaaFormat;
import p2plab.kazaa.wire.KazaaMessage;
import p2plab.kazaa.wire.PeerRef;
import p2plab.kazaa.wire.SharedFile;

/**
 * A child attaches to a supernode, floods it with queries for a file it indexes and never reads
 * the hits. Without backpressure every hit would pile up in Netty's buffer; with it, what waits
 * stays within the socket buffers plus the link's queue, and the rest is dropped and counted.
 */
class AFloodOfQueriesIsBoundedOverTcpTest {
    private static final int QUERIES = 20_000;
    private static final String NAME = "flood bait " + "x".repeat(1_000) + ".avi"; // hits of 1 KB

    @Test
    void hitsForAChildThatDoesNotReadAreDroppedAndCountedNotBuffered() throws Exception {
        try (TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withSeed(1).withIoThreads(1))) {
            KazaaNetwork net = Fixtures.network(tcp, 1, null, Map.of());
            waitUntil(() -> net.supernodes().equals(List.of(PeerId.of(0))), Duration.ofSeconds(10)); // alone, it is the supernode
            net.share(PeerId.of(0), new BytesContent(NAME, new byte[] {1}));
            Address supernode = net.topology().peers().get(0).address();
            KazaaFormat format = new KazaaFormat();
            try (Socket child = new Socket()) {
                child.setReceiveBufferSize(NonReadingPeer.RECEIVE_BUFFER); // and it never reads: the supernode's socket fills at once
                child.connect(new InetSocketAddress("127.0.0.1", supernode.port()), 5000);
                OutputStream out = new BufferedOutputStream(child.getOutputStream(), 1 << 16);
                PeerRef me = new PeerRef(99, new Address("127.0.0.1", 1));
                out.write(format.encode(new KazaaMessage.Attach(me, 1_000_000, 1_000_000, false, 0, false)));
                SplittableRandom random = new SplittableRandom(3);
                for (int i = 0; i < QUERIES; i++) {
                    out.write(format.encode(new KazaaMessage.Query(Guid.random(random), 1, 0, "flood bait")));
                }
                // Then a file list: once the supernode indexes it, every query before it has its hit
                // (sent, dropped or waiting); closing drops and counts what waits.
                ContentId other = new BytesContent("the end.avi", new byte[] {2}).id();
                out.write(format.encode(new KazaaMessage.FileList(List.of(new SharedFile("the end.avi", 1, other)))));
                out.flush();
                waitUntil(() -> net.status(PeerId.of(0)).indexedFiles() == 2, Duration.ofSeconds(30));
            }
            waitUntil(() -> answered(net.transport().metrics(), "kazaa/QueryHit") >= QUERIES, Duration.ofSeconds(10)); // lost in flight: counted twice

            Counts hits = net.metrics().byType().get("kazaa/QueryHit");
            long bound = NonReadingPeer.SOCKET_AND_NETTY_BYTES + (2 << 20) /* the link's queue */;
            assertTrue(hits.bytesSent() <= bound, "hits handed to the socket: " + hits.bytesSent() + " > " + bound);
            assertTrue(hits.dropped() > QUERIES / 2, "dropped " + hits.dropped());
            net.close();
        }
    }
}
