package p2plab.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.streaming.measure.PlayRecord;
import p2plab.streaming.media.SourceKind;

/**
 * The same code over real sockets on 127.0.0.1, at five times real time: the first listener
 * streams a track from the server; the second gets its head from the server and the rest from
 * the first, through the tracker; a killed listener is down for the shell and comes back.
 */
class HybridOverTcpTest {

    @Test
    void theSecondListenerStreamsFromTheFirstOverTcp() throws Exception {
        try (TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withTimeScale(5))) {
            // 10 s tracks of 200 kB at 20 kB/s; the server sends the first 3 s and, while peers serve, never more than 3 s ahead
            Map<String, String> o = Map.of("mode", "hybrid", "tracks", "5", "trackBytes", "200000", "bitrate", "20000",
                    "serverHead", "3", "serverAhead", "3",
                    // real time is scaled: keep the search wait and the fallback threshold well above scheduling delays
                    "searchTimeout", "5", "fallback", "20");
            StreamingNetwork n = (StreamingNetwork) new StreamingOverlay().create(
                    NetworkSpec.of("tcp", 3, 1).withPeerSpec(PeerSpec.rates(400_000, 0)).withOptions(o), tcp);
            tcp.advance(Duration.ofSeconds(2));
            PlayRecord first = tcp.await(n.play(PeerId.of(1), 2, -1), Duration.ofSeconds(60));
            assertEquals(200_000, first.bytesFrom(SourceKind.SERVER));
            tcp.advance(Duration.ofSeconds(1)); // the Announce reaches the tracker
            PlayRecord second = tcp.await(n.play(PeerId.of(2), 2, -1), Duration.ofSeconds(60));
            assertTrue(second.bytesFrom(SourceKind.PEER) > 100_000, second.toString());
            assertEquals(200_000, second.bytesFrom(SourceKind.PEER) + second.bytesFrom(SourceKind.SERVER));
            n.kill(PeerId.of(3));
            assertThrows(OverlayException.class, () -> n.play(PeerId.of(3), 1, -1));
            n.revive(PeerId.of(3));
            tcp.advance(Duration.ofSeconds(2));
            PlayRecord third = tcp.await(n.play(PeerId.of(3), 2, -1), Duration.ofSeconds(60));
            assertEquals(200_000, third.bytesFrom(SourceKind.PEER) + third.bytesFrom(SourceKind.SERVER));
            n.close();
        }
    }
}
