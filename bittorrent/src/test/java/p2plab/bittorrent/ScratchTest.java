package p2plab.bittorrent;

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

class ScratchTest {
    @Test
    void run() throws Exception {
        for (int leechers : new int[] {2, 8}) {
            try (SimTransport sim = SimTransport.withSeed(21)) {
                NetworkSpec spec = NetworkSpec.of("bt", leechers, 21).withPeerSpec(PeerSpec.rates(100_000, 1_000_000))
                        .withOptions(Map.of("piece-length", "16384"));
                BitTorrentNetwork net = (BitTorrentNetwork) new BitTorrentOverlay().create(spec, sim);
                PeerId seed = net.addPeer(PeerSpec.rates(100_000, 1_000_000));
                BytesContent file = BitTorrentNetworkTest.content("lecture.mp4", 4 * 1024 * 1024, 3);
                net.share(seed, file);
                List<CompletableFuture<TransferResult>> downloads = new ArrayList<>();
                for (int p = 1; p <= leechers; p++) {
                    downloads.add(net.download(PeerId.of(p), file.id()));
                }
                sim.await(CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new)), Duration.ofHours(1));
                double max = 0;
                for (var d : downloads) max = Math.max(max, d.get().durationMillis());
                double bound = Math.max(4194304 / 100_000.0, leechers * 1048576 / (100_000.0 * (leechers + 1)));
                System.out.println("DEBUG n=" + leechers + " max " + max + " bound " + bound * 1000 + " seedUp " + net.uploaded(seed, file.id()));
            }
        }
    }
}
