package p2plab.kazaa.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kazaa.KazaaNetwork;
import p2plab.kazaa.KazaaOverlay;

/**
 * A supernode with 50 children crashes. Its children notice when their link closes, try the
 * supernodes of their refresh list, re-attach and upload their file lists again: within the
 * configured bound all 50 are attached and their files are found again. Searches asked in the
 * meantime complete (with fewer hits); nothing hangs.
 */
class KillingASupernodeWithFiftyChildrenTest {
    private static final Duration DETECTION = Duration.ofSeconds(1);

    @Test
    void allFiftyChildrenReattachAndAreSearchableAgainWithinTheFailoverBound() throws Exception {
        try (SimTransport sim = new SimTransport(SimConfig.seeded(11).withFailureDetection(DETECTION))) {
            // 5 supernodes (2% of 255), 250 ordinary nodes: 50 children each.
            KazaaNetwork net = (KazaaNetwork) new KazaaOverlay().create(NetworkSpec.of("failover", 255, 11)
                    .withOptions(Map.of("supernode-ratio", "0.02", "max-children", "100")), sim);
            assertEquals(List.of(PeerId.of(0), PeerId.of(1), PeerId.of(2), PeerId.of(3), PeerId.of(4)), net.supernodes());
            PeerId victim = PeerId.of(0);
            List<Integer> children = net.status(victim).children();
            assertEquals(50, children.size());
            for (int p = 5; p < 255; p++) {
                net.share(PeerId.of(p), new BytesContent("shared song " + p + ".mp3", new byte[] {(byte) p}));
            }
            sim.advance(Duration.ofSeconds(1));
            int asker = net.status(PeerId.of(1)).children().get(0);
            assertEquals(249, search(sim, net, asker).hits().size(), "before: every other peer's file");

            net.kill(victim);
            long killedAt = sim.clock().nanos();
            // Searches keep working meanwhile: one from a surviving branch, one from an orphan.
            SearchResult survivor = search(sim, net, asker);
            SearchResult orphan = search(sim, net, children.get(0));
            assertTrue(survivor.hits().size() >= 199 && survivor.hits().size() < 249, "fewer hits: " + survivor.hits().size());
            assertFalse(orphan.timedOut());

            Duration bound = DETECTION.plus(net.settings().failoverBound());
            sim.advance(bound.minusNanos(sim.clock().nanos() - killedAt));
            Set<Integer> parents = new HashSet<>();
            for (int c : children) {
                int parent = net.status(PeerId.of(c)).parent();
                assertTrue(parent >= 0, "peer " + c + " is attached again");
                assertNotEquals(victim.value(), parent);
                parents.add(parent);
            }
            assertTrue(parents.size() > 1, "the orphans spread over the survivors: " + parents);

            SearchResult after = search(sim, net, asker);
            Set<Integer> holders = new HashSet<>();
            for (Hit h : after.hits()) {
                holders.add(h.holder().value());
            }
            assertTrue(holders.containsAll(children), "every orphan's file is found again");
            assertEquals(249, after.hits().size(), "every ordinary node but the asker, as before the crash");
        }
    }

    private static SearchResult search(SimTransport sim, KazaaNetwork net, int from) throws Exception {
        return sim.await(net.search(PeerId.of(from), new Query("shared song", 1)), Duration.ofSeconds(30));
    }
}
