package p2plab.streaming;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimTransport;

class HybridScratchTest {
    @Test
    void scratch() throws Exception {
        try (SimTransport sim = Fixtures.sim(3)) {
            StreamingNetwork n = Fixtures.network(sim, 4, PeerSpec.rates(100_000, 1_000_000),
                    Fixtures.options(Fixtures.SHORT_TRACKS, "mode", "hybrid", "serverUpload", "1000000"), null);
            System.out.println(sim.await(n.play(PeerId.of(1), 3, 4), Duration.ofMinutes(5)));
            System.out.println(sim.await(n.play(PeerId.of(1), 4, -1), Duration.ofMinutes(5)));
            System.out.println(sim.await(n.play(PeerId.of(2), 3, 4), Duration.ofMinutes(5)));
            System.out.println(sim.await(n.play(PeerId.of(2), 4, -1), Duration.ofMinutes(5)));
            System.out.println(sim.await(n.play(PeerId.of(3), 3, 4), Duration.ofMinutes(5)));
            System.out.println(sim.await(n.play(PeerId.of(3), 4, -1), Duration.ofMinutes(5)));
            System.out.println(sim.await(n.play(PeerId.of(3), 4, -1), Duration.ofMinutes(5)));
            System.out.println(n.summary());
        }
    }
}
