package p2plab.bittorrent;

import org.junit.jupiter.api.Nested;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.OverlayScenarios;

/** The scenarios every overlay passes through the Overlay SPI, on both drivers. */
class BitTorrentFollowsTheOverlayScenariosTest {

    @Nested
    class InSimulation extends OverlayScenarios.InSimulation {
        @Override
        protected Overlay overlay() {
            return new BitTorrentOverlay();
        }
    }

    @Nested
    class OverTcp extends OverlayScenarios.OverTcp {
        @Override
        protected Overlay overlay() {
            return new BitTorrentOverlay();
        }
    }
}
