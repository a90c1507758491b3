package p2plab.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimTransport;

/** A track outside the catalogue (50 tracks: 0..49) is refused at once, to play and to preload, with what to do. */
class UnknownTracksAreRefusedTest {
    @Test
    void playAndPreloadNameTheTracksThereAre() {
        try (SimTransport sim = Fixtures.sim(7)) {
            StreamingNetwork n = Fixtures.network(sim, 1, PeerSpec.rates(100_000, 1_000_000),
                    Fixtures.options(Fixtures.SHORT_TRACKS, "mode", "hybrid"), null);
            for (int track : new int[] {-1, 50}) {
                OverlayException play = assertThrows(OverlayException.class, () -> n.play(PeerId.of(1), track, -1));
                assertEquals("there is no track " + track + "; tracks are 0..49", play.getMessage());
                OverlayException preload = assertThrows(OverlayException.class, () -> n.preload(PeerId.of(1), track));
                assertEquals("there is no track " + track + "; tracks are 0..49", preload.getMessage());
            }
        }
    }
}
