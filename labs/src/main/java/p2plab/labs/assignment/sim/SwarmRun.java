package p2plab.labs.assignment.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import p2plab.bittorrent.BitTorrentOverlay;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.picker.PiecePicker;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.sim.SimTransport;

/**
 * One seed and {@code leechers} peers download one file at the same time in a simulated
 * BitTorrent swarm whose peers all use the given picker and choker.
 */
public final class SwarmRun {

    /** Per leecher: whether it finished with the right bytes, and when (seconds; NaN if not). */
    public record Outcome(int leechers, int correct, double[] seconds) {
        public double slowest() {
            return Arrays.stream(seconds).max().orElse(Double.NaN);
        }
    }

    private SwarmRun() {
    }

    public static Outcome run(Supplier<PiecePicker> pickers, Supplier<Choker> chokers, int leechers, int fileBytes, long seed) {
        byte[] data = new byte[fileBytes];
        new SplittableRandom(seed).nextBytes(data);
        BytesContent file = new BytesContent("lab swarm file.bin", data);
        NetworkSpec spec = NetworkSpec.of("lab-swarm", leechers + 1, seed)
                .withPeerSpec(PeerSpec.rates(256 * 1024, 1024 * 1024))
                .withOptions(Map.of("piece-length", String.valueOf(32 * 1024)));
        try (SimTransport sim = SimTransport.withSeed(seed);
             Network net = new BitTorrentOverlay(pickers, chokers).create(spec, sim)) {
            SimSteps steps = new SimSteps(sim);
            List<PeerId> peers = net.peers();
            PeerId seeder = peers.get(peers.size() - leechers - 1);
            net.share(seeder, file);
            steps.within(Duration.ofSeconds(2), () -> false);
            List<CompletableFuture<TransferResult>> downloads = new ArrayList<>();
            List<PeerId> leeching = peers.subList(peers.size() - leechers, peers.size());
            for (PeerId p : leeching) {
                downloads.add(net.download(p, file.id()));
            }
            steps.within(Duration.ofMinutes(10), () -> downloads.stream().allMatch(CompletableFuture::isDone));
            double[] seconds = new double[leechers];
            int correct = 0;
            for (int i = 0; i < leechers; i++) {
                CompletableFuture<TransferResult> d = downloads.get(i);
                // verified: the SHA-256 of every byte the leecher holds is the file's content id
                boolean ok = d.isDone() && !d.isCompletedExceptionally() && d.join().verified();
                seconds[i] = ok ? d.join().durationMillis() / 1000 : Double.NaN;
                correct += ok ? 1 : 0;
            }
            return new Outcome(leechers, correct, seconds);
        }
    }
}
