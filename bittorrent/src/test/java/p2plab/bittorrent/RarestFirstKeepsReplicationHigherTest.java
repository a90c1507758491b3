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
 * Rarest-first spreads every piece early, so the least-replicated piece is held by more peers
 * than when pieces are picked at random. Measured as the minimum replication averaged over
 * one-second samples while the swarm downloads, same seed for both runs.
 */
class RarestFirstKeepsReplicationHigherTest {

    static double meanMinReplication(String picker) throws Exception {
        int peers = 16;
        try (SimTransport sim = SimTransport.withSeed(5)) {
            NetworkSpec spec = NetworkSpec.of("bt", peers, 5).withPeerSpec(PeerSpec.rates(100_000, 1_000_000))
                    .withOptions(Map.of("piece-length", "32768", "picker", picker));
            BitTorrentNetwork net = (BitTorrentNetwork) new BitTorrentOverlay().create(spec, sim);
            BytesContent file = BitTorrentNetworkTest.content("dataset.csv", 1024 * 1024, 8);
            net.share(PeerId.of(1), file);
            List<CompletableFuture<TransferResult>> downloads = new ArrayList<>();
            for (int p = 2; p <= peers; p++) {
                downloads.add(net.download(PeerId.of(p), file.id()));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new));
            double sum = 0;
            int samples = 0;
            while (!all.isDone() && samples < 3600) {
                sim.advance(Duration.ofSeconds(1));
                int min = Integer.MAX_VALUE;
                for (int c : net.replication(file.id())) {
                    min = Math.min(min, c - 1); // not counting the seed
                }
                sum += min;
                samples++;
            }
            assertTrue(all.isDone(), picker + " swarm did not finish");
            return sum / samples;
        }
    }

    @Test
    void minimumReplicationIsHigherWithRarestFirstThanRandom() throws Exception {
        double rarest = meanMinReplication("rarest");
        double random = meanMinReplication("random");
        assertTrue(rarest > random, String.format("rarest-first %.2f vs random %.2f", rarest, random));
    }
}
