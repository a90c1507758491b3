package p2plab.gnutella;

import org.junit.jupiter.api.Nested;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.OverlayScenarios;
import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.SimTransport;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/** The scenarios every overlay passes through the Overlay SPI, on both drivers. */
class GnutellaFollowsTheOverlayScenariosTest {

    @Nested
    class InSimulation extends OverlayScenarios {
        @Override
        protected Overlay overlay() {
            return new GnutellaOverlay();
        }

        @Override
        protected Transport newTransport(long seed) {
            return SimTransport.withSeed(seed);
        }
    }

    @Nested
    class OverTcp extends OverlayScenarios {
        @Override
        protected Overlay overlay() {
            return new GnutellaOverlay();
        }

        @Override
        protected Transport newTransport(long seed) {
            return new TcpTransport(TcpOptions.defaults().withSeed(seed).withIoThreads(2).withTimeScale(10));
        }
    }
}
