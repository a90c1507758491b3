package p2plab.kazaa.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kazaa.KazaaNetwork;
import p2plab.kazaa.KazaaOverlay;
import p2plab.kazaa.node.PeerStatus;

/**
 * One supernode, 20 children, max-children 10: at its next review it promotes a child, which
 * turns its attachment into a supernode link and receives half of the other children. Nothing is
 * lost: every file is still found.
 */
class AnOverloadedSupernodePromotesAChildTest {

    @Test
    void theOverloadedSupernodeSplitsItsChildrenWithThePromotedOne() throws Exception {
        try (SimTransport sim = SimTransport.withSeed(9)) {
            KazaaNetwork net = (KazaaNetwork) new KazaaOverlay().create(NetworkSpec.of("split", 21, 9)
                    .withOptions(Map.of("supernode-ratio", "0.05", "max-children", "10")), sim);
            assertEquals(List.of(PeerId.of(0)), net.supernodes());
            assertEquals(20, net.status(PeerId.of(0)).children().size());
            for (int p = 1; p < 21; p++) {
                net.share(PeerId.of(p), new BytesContent("split " + p + " piece.mp3", new byte[] {(byte) p}));
            }

            sim.advance(Duration.ofSeconds(20));

            List<PeerId> supernodes = net.supernodes();
            assertEquals(2, supernodes.size(), "one child was promoted");
            PeerId promoted = supernodes.get(1);
            PeerStatus old = net.status(PeerId.of(0));
            PeerStatus fresh = net.status(promoted);
            assertEquals(List.of(promoted.value()), old.neighbours(), "the attachment became a supernode link");
            assertEquals(19, old.children().size() + fresh.children().size());
            assertTrue(old.children().size() <= 10 && fresh.children().size() <= 10,
                    "the load is split: " + old.children().size() + " + " + fresh.children().size());

            SearchResult r = sim.await(net.search(PeerId.of(0), new Query("piece", 1)), Duration.ofSeconds(10));
            assertEquals(20, r.hits().size(), "every file is still found");
        }
    }
}
