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
            for (int s = 0; s < 3600 && net.uploaded(seed, file.id()) < file.size(); s++) {
                sim.advance(Duration.ofMillis(200));
            }
            net.kill(seed);
            CompletableFuture<Void> all = CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new));
            assertFalse(all.isDone(), "the seed should leave before the leechers finish");
            try {
                sim.await(all, Duration.ofHours(1));
            } catch (java.util.concurrent.TimeoutException e) {
                System.out.println("DEBUG repl " + java.util.Arrays.toString(net.replication(file.id())) + " up " + net.uploaded(seed, file.id()));
                for (int p = 2; p <= peers; p++) {
                    System.out.println("DEBUG " + p + " " + net.status(PeerId.of(p), file.id()));
                }
                throw e;
            }
            for (CompletableFuture<TransferResult> d : downloads) {
                assertTrue(d.get().verified());
            }
        }
    }
}
