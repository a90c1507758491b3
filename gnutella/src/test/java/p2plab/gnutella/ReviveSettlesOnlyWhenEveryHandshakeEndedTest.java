package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Topology;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.sim.LatencyModel;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * A revived servent dials its former neighbours and a few other known hosts at once. The network
 * may call it settled only when every one of those handshakes has ended: if it stopped waiting at
 * the first two, a slower third would land after `peer revive` returned, and the next search
 * would meet a different overlay over TCP than in simulation (the same line searched at 3 hops
 * on one driver and 4 on the other). Links of very different latency make the slow handshake
 * visible in simulation.
 */
class ReviveSettlesOnlyWhenEveryHandshakeEndedTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theOverlayDoesNotChangeAfterTheReviveHasSettled(long seed) {
        SimTransport sim = new SimTransport(SimConfig.seeded(seed)
                .withLatency(LatencyModel.uniform(Duration.ofMillis(1), Duration.ofMillis(400), seed)));
        GnutellaNetwork net = (GnutellaNetwork) new GnutellaOverlay().create(
                NetworkSpec.of("line", 6, seed).withTopology(TopologySpec.of("line", 0)), sim);
        settle(net, sim);
        net.kill(PeerId.of(2));
        settle(net, sim);
        net.revive(PeerId.of(2));
        settle(net, sim);
        Set<String> settled = edgesOf(2, net.topology());

        sim.advance(Duration.ofSeconds(5)); // far longer than any handshake on these links
        assertEquals(settled, edgesOf(2, net.topology()), "peer 2's links still changed after its revive had settled");
        assertTrue(settled.contains("1-2") && settled.contains("2-3"), "peer 2 rejoined its former neighbours: " + settled);
        net.close();
    }

    private static void settle(GnutellaNetwork net, SimTransport sim) {
        for (int step = 0; step < 400 && !net.pending().isEmpty(); step++) {
            sim.advance(Duration.ofMillis(5));
        }
        assertEquals(List.of(), net.pending());
    }

    /** Peer {@code p}'s links as both ends list them (an edge shows once its lower id lists it). */
    private static Set<String> edgesOf(int p, Topology t) {
        Set<String> out = new TreeSet<>();
        for (Topology.Edge e : t.edges()) {
            if (e.a().value() != p && e.b().value() != p) {
                continue; // other servents repair the kill's gap on their own timers, on both drivers alike
            }
            out.add(e.a().value() + "-" + e.b().value());
        }
        return out;
    }
}
