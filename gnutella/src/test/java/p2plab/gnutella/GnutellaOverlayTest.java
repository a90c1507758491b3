package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.transport.sim.SimTransport;

/** The overlay as the shell sees it: found by ServiceLoader, options checked, one-line errors. */
class GnutellaOverlayTest {

    @Test
    void isFoundByServiceLoader() {
        boolean found = ServiceLoader.load(Overlay.class).stream().anyMatch(p -> p.get().name().equals("gnutella"));
        assertTrue(found);
    }

    @Test
    void defaultsToARandomRegularGraphOfDegreeFour() {
        Network n = new GnutellaOverlay().create(NetworkSpec.of("d", 50, 1), SimTransport.withSeed(1));
        assertEquals(100, n.topology().edges().size());
        assertEquals(7, ((GnutellaNetwork) n).options().ttl());
    }

    @Test
    void smallNetworksStillGetAGraph() {
        assertEquals(3, new GnutellaOverlay().create(NetworkSpec.of("d", 3, 1), SimTransport.withSeed(1)).topology().edges().size());
        assertEquals(0, new GnutellaOverlay().create(NetworkSpec.of("d", 1, 1), SimTransport.withSeed(1)).topology().edges().size());
    }

    @Test
    void unknownOptionIsAOneLineError() {
        OverlayException e = assertThrows(OverlayException.class, () -> new GnutellaOverlay().create(
                NetworkSpec.of("d", 5, 1).withOptions(Map.of("tll", "3")), SimTransport.withSeed(1)));
        assertTrue(e.getMessage().contains("tll") && e.getMessage().contains("ttl"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void optionValuesAreChecked() {
        assertThrows(OverlayException.class, () -> GnutellaOptions.parse(Map.of("ttl", "11")));
        assertThrows(OverlayException.class, () -> GnutellaOptions.parse(Map.of("ttl", "seven")));
        assertThrows(OverlayException.class, () -> GnutellaOptions.parse(Map.of("forwarding", "gossip")));
        assertThrows(OverlayException.class, () -> GnutellaOptions.parse(Map.of("walkers", "0")));
        assertThrows(OverlayException.class, () -> GnutellaOptions.parse(Map.of("timeout", "-1")));
        GnutellaOptions o = GnutellaOptions.parse(Map.of("ttl", "4", "forwarding", "random-walk", "walkers", "2", "timeout", "1.5"));
        assertEquals(4, o.ttl());
        assertEquals(2, o.walkers());
        assertEquals(1500, o.searchWindow().toMillis());
    }

    @Test
    void searchTtlAboveTenIsRefused() {
        Network n = new GnutellaOverlay().create(NetworkSpec.of("d", 5, 1), SimTransport.withSeed(1));
        OverlayException e = assertThrows(OverlayException.class, () -> n.search(PeerId.of(0), new Query("x", 11)));
        assertTrue(e.getMessage().contains("10"));
    }

    @Test
    void deadAndUnknownPeersAreOneLineErrors() {
        Network n = new GnutellaOverlay().create(NetworkSpec.of("d", 5, 1), SimTransport.withSeed(1));
        n.kill(PeerId.of(2));
        assertThrows(OverlayException.class, () -> n.search(PeerId.of(2), Query.of("x")));
        assertThrows(OverlayException.class, () -> n.kill(PeerId.of(9)));
        assertThrows(OverlayException.class, () -> n.revive(PeerId.of(3)));
    }
}
