package p2plab.common.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.TransferResult;
import p2plab.common.overlay.tiny.TinyOverlay;
import p2plab.common.topology.TopologySpec;

/**
 * The same overlay code that the simulator tests run, over real sockets: a search along a line
 * of four peers and a download, at time scale 10 so the 2 s search window takes 0.2 s.
 */
class TinyOverlayOverTcpTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withTimeScale(10).withIoThreads(2));
    private final Network line = new TinyOverlay().create(NetworkSpec.of("t", 4, 1).withTopology(TopologySpec.of("line", 0)), tcp);

    @AfterEach
    void close() {
        tcp.close();
    }

    @Test
    void searchAlongALineCountsTheSameMessagesAsInSimulation() throws Exception {
        line.share(PeerId.of(3), new BytesContent("blue moon.mp3", new byte[] {1, 2, 3}));

        SearchResult r = tcp.await(line.search(PeerId.of(0), new Query("moon", 3)), WAIT);

        assertEquals(1, r.hits().size());
        assertEquals(3, r.hopsToFirstHit());
        assertEquals(6, r.messages());
        assertEquals(0, r.duplicates());
    }

    @Test
    void downloadOverTcpIsByteIdentical() throws Exception {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        BytesContent file = new BytesContent("data.bin", data);
        line.share(PeerId.of(2), file);

        TransferResult t = tcp.await(line.download(PeerId.of(0), file.id()), WAIT);

        assertTrue(t.verified());
        assertEquals(data.length, t.bytes());
        assertEquals(line.metrics().byType().get("tiny/Data").bytesSent(), line.metrics().byType().get("tiny/Data").bytesReceived());
    }

    @Test
    void aKilledPeerCutsTheLineAndReviveRestoresIt() throws Exception {
        line.share(PeerId.of(3), new BytesContent("blue moon.mp3", new byte[] {1}));
        line.kill(PeerId.of(2));
        tcp.advance(Duration.ofSeconds(1));

        assertFalse(tcp.await(line.search(PeerId.of(0), new Query("moon", 3)), WAIT).found());

        line.revive(PeerId.of(2));
        tcp.advance(Duration.ofSeconds(1));
        assertTrue(tcp.await(line.search(PeerId.of(0), new Query("moon", 3)), WAIT).found());
    }
}
