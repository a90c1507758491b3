package p2plab.labs.experiment.distribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import p2plab.bittorrent.BitTorrentOverlay;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimTransport;

/**
 * The peer-to-peer side of the distribution experiment: one BitTorrent seed uploading at u_s and
 * N leechers uploading at u (all downloading at d_min) join one swarm at the same moment; the
 * distribution time is until the last leecher holds every verified piece. Leechers keep seeding
 * once complete, as the bound assumes.
 */
public final class SwarmDistribution {

    private SwarmDistribution() {
    }

    /**
     * Simulates one swarm and returns its duration in seconds.
     *
     * @param options BitTorrent network options ({@code piece-length}, {@code pipeline}, {@code picker}...)
     */
    public static double run(long seed, int leechers, long fileBytes, long seedUpload, long peerUpload, long minDownload,
                             Map<String, String> options) throws TimeoutException {
        try (SimTransport sim = SimTransport.withSeed(seed);
             Network net = new BitTorrentOverlay().create(new NetworkSpec("distribution", 0, null, seed, PeerSpec.UNLIMITED,
                     options), sim)) {
            PeerId server = net.addPeer(PeerSpec.rates(seedUpload, minDownload));
            List<PeerId> peers = new ArrayList<>();
            for (int i = 0; i < leechers; i++) {
                peers.add(net.addPeer(PeerSpec.rates(peerUpload, minDownload)));
            }
            GeneratedContent file = new GeneratedContent("distribution-file", fileBytes, seed);
            net.share(server, file);
            sim.advance(Duration.ofSeconds(1)); // the seed announces before the crowd arrives
            long start = sim.clock().nanos();
            Map<PeerId, Long> finished = new HashMap<>();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (PeerId p : peers) {
                all.add(net.download(p, file.id()).thenAccept(t -> {
                    if (!t.verified()) {
                        throw new IllegalStateException("peer " + p + " finished with an unverified copy");
                    }
                    finished.put(p, sim.clock().nanos());
                }));
            }
            double bound = DistributionTheory.peerToPeer(leechers, fileBytes, seedUpload, minDownload,
                    (double) leechers * peerUpload);
            sim.await(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)),
                    Duration.ofSeconds((long) (bound * 20) + 600));
            long end = finished.values().stream().mapToLong(Long::longValue).max().orElse(start);
            return (end - start) / 1e9;
        }
    }
}
