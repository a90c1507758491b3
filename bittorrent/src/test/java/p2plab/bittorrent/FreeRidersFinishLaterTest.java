package p2plab.bittorrent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.sim.SimTransport;

/**
 * Tit-for-tat: peers that never upload are served only by optimistic unchokes and seeds, and
 * finish later. The swarm must be limited by the leechers' own uploads, which tit-for-tat
 * distributes: 30 leechers and a seed at 5u. (With a slow seed every leecher waits for the
 * seed's next piece, and free-riders get it as soon as anyone: no penalty shows.)
 */
class FreeRidersFinishLaterTest {

    @Test
    void freeRidersFinishMeasurablyLaterThanContributors() throws Exception {
        int leechers = 30;
        int freeRiders = 10;
        try (SimTransport sim = SimTransport.withSeed(21)) {
            NetworkSpec spec = NetworkSpec.of("bt", leechers, 21).withPeerSpec(PeerSpec.rates(100_000, 1_000_000))
                    .withOptions(Map.of("piece-length", "65536", "free-riders", Integer.toString(freeRiders)));
            BitTorrentNetwork net = (BitTorrentNetwork) new BitTorrentOverlay().create(spec, sim);
            PeerId seed = net.addPeer(PeerSpec.rates(500_000, 1_000_000));
            BytesContent file = BitTorrentNetworkTest.content("lecture.mp4", 8 * 1024 * 1024, 3);
            net.share(seed, file);
            List<CompletableFuture<TransferResult>> downloads = new ArrayList<>();
            for (int p = 1; p <= leechers; p++) {
                downloads.add(net.download(PeerId.of(p), file.id()));
            }
            sim.await(CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new)), Duration.ofHours(1));
            double contributors = 0;
            double riders = 0;
            for (int p = 1; p <= leechers; p++) {
                TransferResult r = downloads.get(p - 1).get();
                assertTrue(r.verified());
                if (p > leechers - freeRiders) {
                    riders += r.durationMillis() / freeRiders;
                } else {
                    contributors += r.durationMillis() / (leechers - freeRiders);
                }
            }
            assertTrue(riders > 1.1 * contributors, String.format("free-riders %.0f ms vs contributors %.0f ms", riders, contributors));
        }
    }
}
