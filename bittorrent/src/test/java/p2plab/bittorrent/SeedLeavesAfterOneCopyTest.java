package p2plab.bittorrent;

import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Once the seed has uploaded one full copy, the leechers hold every piece between them and finish alone. */
class SeedLeavesAfterOneCopyTest {

    @Test
    void swarmCompletesAfterTheSeedIsKilled() throws Exception {
        int peers = 10;
        try (SimTransport sim = SimTransport.withSeed(13)) {
            NetworkSpec spec = NetworkSpec.of("bt", peers, 13).withPeerSpec(PeerSpec.rates(100_000, 1_000_000))
                    .withOptions(Map.of("piece-length", "32768"));
            BitTorrentNetwork net = (BitTorrentNetwork) new BitTorrentOverlay().create(spec, sim);
            BytesContent file = BitTorrentNetworkTest.content("release.tar", 1024 * 1024, 9);
            PeerId seed = PeerId.of(1);
            net.share(seed, file);
            List<CompletableFuture<TransferResult>> downloads = new ArrayList<>();
            for (int p = 2; p <= peers; p++) {
                downloads.add(net.download(PeerId.of(p), file.id()));
            }
            // "one full copy": every piece has reached at least one leecher (pieces only partly
            // sent are lost with the seed, so bytes uploaded alone would not be enough)
            for (int s = 0; s < 36000 && !leechersHoldEveryPiece(net, file); s++) {
                sim.advance(Duration.ofMillis(100));
            }
            assertTrue(net.uploaded(seed, file.id()) >= file.size());
            net.kill(seed);
            CompletableFuture<Void> all = CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new));
            assertFalse(all.isDone(), "the seed should leave before the leechers finish");
            sim.await(all, Duration.ofHours(1));
            for (CompletableFuture<TransferResult> d : downloads) {
                assertTrue(d.get().verified());
            }
        }
    }

    private static boolean leechersHoldEveryPiece(BitTorrentNetwork net, BytesContent file) {
        for (int count : net.replication(file.id())) {
            if (count < 2) { // the seed itself plus at least one leecher
                return false;
            }
        }
        return true;
    }
}
