package p2plab.common.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.TestFormat.TestMessage;
import p2plab.common.transport.sim.SimTransport;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * The n-th node opened draws the same random numbers on both drivers for the same seed. Protocol
 * code picks with them (which known host a Gnutella servent re-dials after losing a neighbour),
 * so a session can only tell the same story over TCP as in simulation if the picks agree.
 */
class SameRandomOnBothDriversTest {

    @Test
    void theNthNodeDrawsTheSameNumbersInSimulationAndOverTcp() {
        try (SimTransport sim = SimTransport.withSeed(7);
             TcpTransport tcp = new TcpTransport(TcpOptions.defaults().withSeed(7).withIoThreads(1))) {
            List<Long> simDraws = draws(sim);
            assertEquals(simDraws, draws(tcp));
            assertNotEquals(simDraws.get(0), simDraws.get(1), "consecutive nodes draw different numbers");
        }
    }

    private static List<Long> draws(Transport t) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Node<TestMessage> n = t.open(NodeConfig.named("n" + i), new TestFormat(), (link, m) -> { });
            out.add(n.random().nextLong());
        }
        return out;
    }
}
