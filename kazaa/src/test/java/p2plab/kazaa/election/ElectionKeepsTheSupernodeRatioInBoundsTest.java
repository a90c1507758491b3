package p2plab.kazaa.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kazaa.KazaaNetwork;
import p2plab.kazaa.KazaaOverlay;
import p2plab.kazaa.node.PeerStatus;

/**
 * The default election keeps the share of supernodes between half and twice the target ratio
 * while the network triples by joins and then loses most of its peers (supernodes among them),
 * and every running ordinary node stays attached.
 */
class ElectionKeepsTheSupernodeRatioInBoundsTest {
    private static final double RATIO = 0.05;

    @Test
    void ratioStaysInBoundsAsPeersJoinAndLeave() {
        try (SimTransport sim = SimTransport.withSeed(5)) {
            KazaaNetwork net = (KazaaNetwork) new KazaaOverlay().create(
                    NetworkSpec.of("churn", 100, 5).withOptions(Map.of("supernode-ratio", Double.toString(RATIO))), sim);
            assertEquals(5, net.supernodes().size());
            SplittableRandom random = new SplittableRandom(5);

            for (int i = 0; i < 300; i++) {              // joins, with mixed capacities
                long upload = 10_000 + random.nextInt(1_000_000);
                net.addPeer(new PeerSpec(upload, upload * 4, random.nextInt(5) == 0));
                sim.advance(Duration.ofMillis(200));
            }
            sim.advance(Duration.ofSeconds(60));
            assertRatioInBounds(net, "after 300 joins");

            List<PeerId> alive = new ArrayList<>();
            for (PeerId id : net.peers()) {
                alive.add(id);
            }
            for (int i = 0; i < 250; i++) {              // leaves (crashes), supernodes included
                PeerId victim = alive.remove(random.nextInt(alive.size()));
                net.kill(victim);
                sim.advance(Duration.ofMillis(100));
            }
            sim.advance(Duration.ofSeconds(90));
            assertRatioInBounds(net, "after 250 crashes");
        }
    }

    private static void assertRatioInBounds(KazaaNetwork net, String when) {
        int alive = 0;
        int orphans = 0;
        for (PeerId id : net.peers()) {
            if (net.topology().peers().get(id.value()).alive()) {
                alive++;
                PeerStatus s = net.status(id);
                if (!s.isSupernode() && s.parent() < 0) {
                    orphans++;
                }
            }
        }
        int supernodes = net.supernodes().size();
        double ratio = supernodes / (double) alive;
        System.out.println(when + ": " + supernodes + " supernodes of " + alive + " peers");
        assertTrue(ratio >= RATIO / 2 && ratio <= RATIO * 2,
                when + ": " + supernodes + " supernodes of " + alive + " peers = " + ratio);
        assertEquals(0, orphans, when + ": every ordinary node is attached");
    }
}
