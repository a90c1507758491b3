package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimTransport;

/** Building a large network says which phase it is in, and stops when its progress says so. */
class BuildProgressTest {

    @Test
    void buildingReportsTopologyPeersAndHandshakesInOrder() {
        List<String> phases = new ArrayList<>();
        long[] lastPeers = new long[2];
        try (SimTransport sim = SimTransport.withSeed(1);
             Network n = new GnutellaOverlay().create(new NetworkSpec("g", 3000, null, 1, PeerSpec.UNLIMITED, Map.of()), sim,
                     (phase, done, total) -> {
                         if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
                             phases.add(phase);
                         }
                         if (phase.equals("starting peers")) {
                             lastPeers[0] = done;
                             lastPeers[1] = total;
                         }
                     })) {
            assertEquals(List.of("generating the topology", "starting peers", "handshakes"), phases);
            assertEquals(3000, lastPeers[1]);
            assertEquals(2048, lastPeers[0], "reported every 1024 peers");
            assertEquals(3000, n.peers().size());
        }
    }

    @Test
    void aGraphLargerThanOneBatchIsWiredBatchByBatchWithProgress() {
        int peers = GnutellaNetwork.ROUNDS_UP_TO / 2 + 500; // degree 4: two edges a peer, so past the rounds
        List<Long> handshakes = new ArrayList<>();
        try (SimTransport sim = SimTransport.withSeed(1);
             GnutellaNetwork n = (GnutellaNetwork) new GnutellaOverlay().create(
                     new NetworkSpec("g", peers, null, 1, PeerSpec.UNLIMITED, Map.of()), sim, (phase, done, total) -> {
                         if (phase.equals("handshakes")) {
                             handshakes.add(done);
                             assertEquals(2L * peers, total);
                         }
                     })) {
            assertEquals(List.of(0L, (long) GnutellaNetwork.PROGRESS_EVERY, 2L * peers), handshakes);
            assertEquals(n.graph().edgeCount(), n.topology().edges().size(), "every edge of the graph is a link");
        }
    }

    @Test
    void aProgressThatThrowsStopsTheBuild() {
        try (SimTransport sim = SimTransport.withSeed(1)) {
            CancellationException e = assertThrows(CancellationException.class, () -> new GnutellaOverlay().create(
                    new NetworkSpec("g", 3000, null, 1, PeerSpec.UNLIMITED, Map.of()), sim, (phase, done, total) -> {
                        if (done >= 1024) {
                            throw new CancellationException("cancelled");
                        }
                    }));
            assertEquals("cancelled", e.getMessage());
            assertTrue(sim.nodeCount() <= 1025, "stopped while starting peers: " + sim.nodeCount());
        }
    }

    @Test
    void aSimulationStopsBetweenTwoEventsWhenToldTo() {
        try (SimTransport sim = SimTransport.withSeed(1)) {
            boolean[] stop = {false};
            sim.cancelWhen(() -> stop[0]);
            Network n = new GnutellaOverlay().create(new NetworkSpec("g", 200, null, 1, PeerSpec.UNLIMITED, Map.of()), sim);
            stop[0] = true;
            long before = sim.clock().nanos();
            assertThrows(CancellationException.class, () -> sim.advance(java.time.Duration.ofHours(1)));
            assertTrue(sim.clock().nanos() - before < java.time.Duration.ofHours(1).toNanos(), "time stopped short of the hour");
            stop[0] = false;
            sim.advance(java.time.Duration.ofSeconds(1)); // and it runs on afterwards, as if nothing happened
            n.close();
        }
    }
}
