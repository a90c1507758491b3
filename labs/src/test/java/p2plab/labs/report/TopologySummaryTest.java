package p2plab.labs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.Role;
import p2plab.common.overlay.Topology;
import p2plab.common.transport.Address;

class TopologySummaryTest {

    /** A star: peer 0 is an index server linked to peers 1..4; {@code dead} are down. */
    private static Topology star(int... dead) {
        List<PeerInfo> peers = new ArrayList<>();
        List<Topology.Edge> edges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            boolean alive = true;
            for (int d : dead) {
                alive &= d != i;
            }
            peers.add(new PeerInfo(PeerId.of(i), new Address("127.0.0.1", 6000 + i), i == 0 ? Role.INDEX_SERVER : Role.PEER,
                    alive, i == 0 ? List.of() : List.of(PeerId.of(0)), 0, Map.of()));
            if (i > 0) {
                edges.add(new Topology.Edge(PeerId.of(0), PeerId.of(i)));
            }
        }
        return new Topology(peers, edges);
    }

    @Test
    void aStarHasDiameterTwo() {
        TopologySummary s = TopologySummary.of(star());
        assertEquals(5, s.alive());
        assertEquals(4, s.links());
        assertEquals(1, s.minDegree());
        assertEquals(4, s.maxDegree());
        assertEquals(1.6, s.meanDegree(), 1e-9);
        assertEquals(2, s.diameter());
        assertEquals(1, s.components());
        assertEquals(Map.of("index server", 1, "peer", 4), s.roles());
    }

    @Test
    void withoutItsCentreAStarFallsApart() {
        TopologySummary s = TopologySummary.of(star(0));
        assertEquals(4, s.alive());
        assertEquals(0, s.links());
        assertEquals(4, s.components());
        assertEquals(0, s.diameter());
    }

    @Test
    void dotDrawsServersAsBoxesAndDeadPeersDashed() {
        String dot = Dot.of("napster-1", star(3));
        assertTrue(dot.startsWith("graph \"napster-1\" {"), dot);
        assertTrue(dot.contains("p0 [label=\"0\\nindex server\", shape=box];"), dot);
        assertTrue(dot.contains("p3 [label=\"3\\npeer\", style=dashed, color=gray];"), dot);
        assertTrue(dot.contains("p0 -- p4;"), dot);
        assertTrue(dot.endsWith("}\n"));
    }
}
