package p2plab.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.sim.LatencyModel;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.streaming.measure.PlayRecord;

/**
 * The TCP model's lost segments reach the player: a chunk of three segments that loses one
 * waits for the retransmission timer (RTT + 1 s here), and the chunks behind it wait too. The
 * server's uplink is unlimited, so every chunk is at the socket 20 ms after the ask; chunks
 * are 0.25 s of audio, so a loss in chunks 1 to 3 comes too late for its turn and the play
 * stutters. Without loss, the same plays never do.
 */
class LossCanMakePlaybackStutterTest {

    private static int stutteringPlays(String loss) throws Exception {
        try (SimTransport sim = new SimTransport(SimConfig.seeded(3).withLatency(LatencyModel.constant(Duration.ofMillis(10))))) {
            Map<String, String> o = Map.of("mode", "server", "tracks", "1", "trackBytes", "65536", "chunk", "4096",
                    "bitrate", "16384", "cache", "0", "loss", loss, "minRto", "1s");
            StreamingNetwork net = (StreamingNetwork) new StreamingOverlay().create(NetworkSpec.of("loss", 1, 1).withOptions(o), sim);
            int stuttered = 0;
            for (int i = 0; i < 40; i++) {
                sim.advance(Duration.ofSeconds(2)); // idle: each play starts a new slow start
                PlayRecord r = sim.await(net.play(PeerId.of(1), 0, -1), Duration.ofMinutes(1));
                stuttered += r.stutters() > 0 ? 1 : 0;
            }
            return stuttered;
        }
    }

    @Test
    void lostSegmentsMakeSomePlaysStutterAndNoLossMakesNone() throws Exception {
        assertEquals(0, stutteringPlays("0"));
        int withLoss = stutteringPlays("0.02"); // 5.9% of 3-segment chunks lose one: about 1 play in 6 stutters
        assertTrue(withLoss > 0 && withLoss < 40, withLoss + " of 40 plays stuttered");
    }
}
