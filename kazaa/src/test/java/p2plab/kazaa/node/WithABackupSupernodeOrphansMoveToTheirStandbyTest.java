package p2plab.kazaa.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kazaa.KazaaNetwork;
import p2plab.kazaa.KazaaOverlay;

/**
 * With {@code backup=true} every ordinary node keeps a standby link to a second supernode, which
 * does not index it (so no hit is reported twice). When its supernode crashes, the node attaches
 * for real on the standby link: one round trip after the crash is noticed.
 */
class WithABackupSupernodeOrphansMoveToTheirStandbyTest {
    private static final Duration DETECTION = Duration.ofSeconds(1);

    @Test
    void orphansAttachToTheirStandbySupernodeOneRoundTripAfterTheCrashIsNoticed() throws Exception {
        try (SimTransport sim = new SimTransport(SimConfig.seeded(4).withFailureDetection(DETECTION))) {
            KazaaNetwork net = (KazaaNetwork) new KazaaOverlay().create(NetworkSpec.of("backup", 105, 4)
                    .withOptions(Map.of("supernode-ratio", "0.05", "max-children", "100", "backup", "true")), sim);
            for (int p = 5; p < 105; p++) {
                net.share(PeerId.of(p), new BytesContent("standby tune " + p + ".mp3", new byte[] {(byte) p}));
            }
            sim.advance(Duration.ofSeconds(1));
            List<Integer> children = net.status(PeerId.of(0)).children();
            assertEquals(20, children.size());
            Map<Integer, Integer> standby = new HashMap<>();
            for (int c : children) {
                int b = net.status(PeerId.of(c)).backup();
                assertTrue(b >= 1 && b <= 4, "peer " + c + " has a standby supernode, not its own: " + b);
                standby.put(c, b);
            }
            int asker = net.status(PeerId.of(1)).children().get(0);
            SearchResult before = search(sim, net, asker);
            assertEquals(99, before.hits().size(), "standby links are not indexed: no file is reported twice");

            net.kill(PeerId.of(0));
            sim.advance(DETECTION.plus(Duration.ofMillis(100))); // 10 ms links: one round trip is 20 ms
            for (int c : children) {
                assertEquals(standby.get(c), net.status(PeerId.of(c)).parent(), "peer " + c + " moved to its standby");
                assertNotEquals(0, net.status(PeerId.of(c)).parent());
            }
            assertEquals(99, search(sim, net, asker).hits().size(), "every orphan is searchable again");
        }
    }

    private static SearchResult search(SimTransport sim, KazaaNetwork net, int from) throws Exception {
        return sim.await(net.search(PeerId.of(from), new Query("standby tune", 2)), Duration.ofSeconds(30));
    }
}
