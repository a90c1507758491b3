package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.LatencyModel;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * What the X-Try headers of the first handshakes teach each servent is fixed by the graph, not
 * by which handshake happened to end first: on the line 0-1-2-3-4-5, wired in the rounds 0>1
 * 2>3 4>5 then 1>2 3>4, peer 1 learns peer 3 from peer 2's answer, and peer 3 learns peer 5.
 * Those hosts are where a servent turns when it loses a neighbour, so if they differed, a kill
 * would be repaired differently over TCP than in simulation.
 */
class KnownHostsAfterWiringTest {
    private static final List<Integer> LINE_OF_SIX = List.of(1, 3, 2, 3, 2, 1);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void inSimulationWhateverTheLinkLatencies(long seed) {
        SimTransport sim = new SimTransport(SimConfig.seeded(seed)
                .withLatency(LatencyModel.uniform(Duration.ofMillis(1), Duration.ofMillis(400), seed)));
        assertEquals(LINE_OF_SIX, knownHostsOnALineOfSix(sim, seed));
    }

    @RepeatedTest(3)
    void overTcp() {
        assertEquals(LINE_OF_SIX, knownHostsOnALineOfSix(new TcpTransport(TcpOptions.defaults().withSeed(1).withIoThreads(2).withTimeScale(10)), 1));
    }

    private static List<Integer> knownHostsOnALineOfSix(Transport transport, long seed) {
        GnutellaNetwork net = (GnutellaNetwork) new GnutellaOverlay().create(
                NetworkSpec.of("line", 6, seed).withTopology(TopologySpec.of("line", 0)), transport);
        try {
            return net.topology().peers().stream().map(PeerInfo::details).map(d -> Integer.parseInt(d.get("known hosts"))).toList();
        } finally {
            net.close();
            transport.close();
        }
    }
}
