package p2plab.kazaa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kazaa.config.KazaaSettings;
import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.election.Decision;
import p2plab.kazaa.election.ElectionParams;
import p2plab.kazaa.election.SupernodeElection;
import p2plab.kazaa.election.SupernodeView;

class KazaaOverlayTest {

    @Test
    void theOverlayIsFoundByServiceLoader() {
        boolean found = ServiceLoader.load(Overlay.class).stream().anyMatch(p -> p.get().name().equals("kazaa"));
        assertTrue(found);
    }

    @Test
    void anUnknownOptionIsAOneLineError() {
        try (SimTransport sim = SimTransport.withSeed(1)) {
            OverlayException e = assertThrows(OverlayException.class, () -> new KazaaOverlay()
                    .create(NetworkSpec.of("x", 10, 1).withOptions(Map.of("tll", "3")), sim));
            assertTrue(e.getMessage().startsWith("unknown kazaa option 'tll'; known options: ttl, "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void badOptionValuesAreOneLineErrors() {
        assertThrows(OverlayException.class, () -> KazaaSettings.from(Map.of("supernode-ratio", "1.5")));
        assertThrows(OverlayException.class, () -> KazaaSettings.from(Map.of("ttl", "three")));
        assertThrows(OverlayException.class, () -> KazaaSettings.from(Map.of("max-children", "0")));
        KazaaSettings s = KazaaSettings.from(Map.of("ttl", "5", "supernode-ratio", "0.1", "max-children", "7"));
        assertEquals(5, s.ttl());
        assertEquals(new ElectionParams(0.1, 7), s.election());
    }

    @Test
    void aSearchTtlBeyondOneByteIsAOneLineError() {
        try (SimTransport sim = SimTransport.withSeed(1)) {
            KazaaNetwork net = (KazaaNetwork) new KazaaOverlay().create(NetworkSpec.of("x", 10, 1), sim);
            OverlayException e = assertThrows(OverlayException.class,
                    () -> net.search(PeerId.of(3), new p2plab.common.overlay.Query("song", 300)));
            assertTrue(e.getMessage().startsWith("--ttl must be at most 255"), e.getMessage());
        }
    }

    /** What a student's strategy looks like: here, "the highest ids serve, nobody ever changes". */
    static final class HighestIdsServe implements SupernodeElection {
        @Override
        public Set<Integer> initialSupernodes(List<Candidate> peers, ElectionParams params) {
            return Set.of(peers.size() - 1, peers.size() - 2);
        }

        @Override
        public Decision review(SupernodeView view) {
            return Decision.KEEP;
        }
    }

    @Test
    void aStudentsElectionIsSwappedInThroughTheConstructor() {
        try (SimTransport sim = SimTransport.withSeed(1)) {
            KazaaNetwork net = (KazaaNetwork) new KazaaOverlay(HighestIdsServe::new).create(NetworkSpec.of("x", 12, 1), sim);
            assertEquals(List.of(PeerId.of(10), PeerId.of(11)), net.supernodes());
            assertEquals(5, net.status(PeerId.of(10)).children().size());
        }
    }

    @Test
    void anElectionThatPicksNobodyIsRefusedWithAOneLineError() {
        try (SimTransport sim = SimTransport.withSeed(1)) {
            SupernodeElection nobody = new SupernodeElection() {
                @Override
                public Set<Integer> initialSupernodes(List<Candidate> peers, ElectionParams params) {
                    return Set.of();
                }

                @Override
                public Decision review(SupernodeView view) {
                    return Decision.KEEP;
                }
            };
            OverlayException e = assertThrows(OverlayException.class,
                    () -> new KazaaOverlay(() -> nobody).create(NetworkSpec.of("x", 5, 1), sim));
            assertTrue(e.getMessage().contains("at least one"), e.getMessage());
        }
    }
}
