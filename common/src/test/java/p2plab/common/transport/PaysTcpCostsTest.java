package p2plab.common.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/** A model that adds TCP's costs (the streaming listener's) must add them in simulation only. */
class PaysTcpCostsTest {
    @Test
    void realSocketsPayTcpCostsThemselvesTheSimulatorDoesNot() {
        try (TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withIoThreads(1));
             SimTransport sim = new SimTransport(SimConfig.seeded(1))) {
            assertTrue(tcp.paysTcpCosts());
            assertFalse(sim.paysTcpCosts());
        }
    }
}
