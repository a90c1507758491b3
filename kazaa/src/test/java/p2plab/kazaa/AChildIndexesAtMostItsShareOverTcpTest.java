package p2plab.kazaa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static p2plab.common.transport.tcp.NonReadingPeer.waitUntil;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.content.ContentId;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.Address;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.kazaa.supernode.Supernode;
import p2plab.kazaa.wire.KazaaFormat;
import p2plab.kazaa.wire.KazaaMessage;
import p2plab.kazaa.wire.PeerRef;
import p2plab.kazaa.wire.SharedFile;

/**
 * A child attaches over TCP and sends a file list longer than a supernode indexes for one child:
 * the first {@value Supernode#MAX_FILES_PER_CHILD} are indexed, the rest left out, and a later,
 * shorter list still replaces it whole.
 */
class AChildIndexesAtMostItsShareOverTcpTest {

    @Test
    void aFileListBeyondTheLimitIsCutToIt() throws Exception {
        try (TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withSeed(1).withIoThreads(1))) {
            KazaaNetwork net = Fixtures.network(tcp, 1, null, Map.of());
            waitUntil(() -> net.supernodes().equals(List.of(PeerId.of(0))), Duration.ofSeconds(10));
            Address supernode = net.topology().peers().get(0).address();
            KazaaFormat format = new KazaaFormat();
            ContentId id = new BytesContent("x", new byte[] {1}).id();
            List<SharedFile> many = new ArrayList<>();
            for (int i = 0; i < Supernode.MAX_FILES_PER_CHILD + 3_000; i++) {
                many.add(new SharedFile("file " + i + ".avi", 1, id));
            }
            try (Socket child = new Socket()) {
                child.connect(new InetSocketAddress("127.0.0.1", supernode.port()), 5000);
                OutputStream out = child.getOutputStream();
                out.write(format.encode(new KazaaMessage.Attach(new PeerRef(99, new Address("127.0.0.1", 1)), 1_000_000, 1_000_000, false, 0, false)));
                out.write(format.encode(new KazaaMessage.FileList(many)));
                out.flush();
                waitUntil(() -> net.status(PeerId.of(0)).indexedFiles() > 0, Duration.ofSeconds(10));
                Thread.sleep(200); // nothing more is coming for it
                assertEquals(Supernode.MAX_FILES_PER_CHILD, net.status(PeerId.of(0)).indexedFiles());
                out.write(format.encode(new KazaaMessage.FileList(many.subList(0, 10))));
                out.flush();
                waitUntil(() -> net.status(PeerId.of(0)).indexedFiles() == 10, Duration.ofSeconds(10));
            }
            net.close();
        }
    }
}
