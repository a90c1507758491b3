package p2plab.labs.trackerless;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import p2plab.bittorrent.BitTorrentOverlay;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Progress;
import p2plab.common.overlay.TransferResult;
import p2plab.common.transport.Transport;

/**
 * The tracker dies halfway through the first download. Peer 1 seeds a file; the early
 * downloaders start together; when the first of them holds half the file the tracker (peer 0)
 * is killed; then the late downloaders start. With the tracker alone the late ones find nobody;
 * with the DHT beside it they find the swarm there. Runs on either driver.
 */
public final class TrackerDeath {
    /**
     * @param peers       BitTorrent clients (peer 1 seeds, then the early ones, the rest are late)
     * @param early       downloaders that start before the tracker dies
     * @param fileBytes   size of the file
     * @param pieceLength bytes per piece
     * @param upload      every peer's upload rate, bytes per second (it makes a download take time)
     * @param dht         whether peers also use a Kademlia DHT
     * @param seed        seed of every random choice
     * @param step        how often the run looks at the swarm (time to first peer is measured to this)
     * @param limit       protocol time the late downloaders get after the tracker died
     */
    public record Setup(int peers, int early, long fileBytes, int pieceLength, long upload, boolean dht, long seed,
                        Duration step, Duration limit) {
        public Setup {
            if (peers < 3 || early < 1 || early > peers - 2) {
                throw new IllegalArgumentException("need a seed, 1..peers-2 early downloaders and at least one late one; got peers="
                        + peers + ", early=" + early);
            }
        }

        public Setup withDht(boolean on) {
            return new Setup(peers, early, fileBytes, pieceLength, upload, on, seed, step, limit);
        }

        public int late() {
            return peers - 1 - early;
        }
    }

    /**
     * What happened. Times are seconds of protocol time: the kill from the start of the early
     * downloads, the late peers' from the moment they started (just after the kill); NaN when
     * no late peer got that far.
     *
     * @param killedAt          when the tracker died
     * @param earlyDone         early downloads completed and verified
     * @param lateWithPeer      late downloaders that ever had a peer
     * @param lateDone          late downloads completed and verified
     * @param lateFirstPeer     median time to a late downloader's first peer
     * @param lateCompletion    median time to a late download's completion
     * @param lastCompletion    when the last late download completed
     */
    public record Outcome(Setup setup, double killedAt, int earlyDone, int lateWithPeer, int lateDone, double lateFirstPeer,
                          double lateCompletion, double lastCompletion) {
    }

    private TrackerDeath() {
    }

    public static Outcome run(Setup s, Transport transport) {
        NetworkSpec spec = NetworkSpec.of("tracker-death", s.peers(), s.seed())
                .withPeerSpec(PeerSpec.rates(s.upload(), 0))
                .withOptions(Map.of("piece-length", Integer.toString(s.pieceLength()), "store", "shared"));
        try (Network net = s.dht() ? DhtSwarm.start(spec, transport, Progress.NONE, DhtSchedule.USUAL)
                : new BitTorrentOverlay().create(spec, transport)) {
            return run(s, net, transport);
        }
    }

    private static Outcome run(Setup s, Network net, Transport transport) {
        GeneratedContent file = new GeneratedContent("tracker-death.bin", s.fileBytes(), s.seed());
        net.share(PeerId.of(1), file);
        transport.advance(Duration.ofSeconds(1)); // the seed announces before the others arrive
        long start = now(transport);
        double[] firstHalf = {0};
        List<CompletableFuture<TransferResult>> early = new ArrayList<>();
        for (int i = 2; i < 2 + s.early(); i++) {
            early.add(net.download(PeerId.of(i), file.id(), (done, total, sources) -> {
                synchronized (firstHalf) {
                    firstHalf[0] = Math.max(firstHalf[0], total == 0 ? 0 : (double) done / total);
                }
            }));
        }
        while (half(firstHalf) < 0.5 && now(transport) - start < s.limit().toNanos()) {
            transport.advance(s.step());
        }
        net.kill(PeerId.of(0));
        double killedAt = (now(transport) - start) / 1e9;
        long lateStart = now(transport);
        int lateFrom = 2 + s.early();
        Map<Integer, Long> firstPeer = new ConcurrentHashMap<>();
        Map<Integer, Long> completed = new ConcurrentHashMap<>();
        for (int i = lateFrom; i <= s.peers(); i++) {
            int id = i;
            net.download(PeerId.of(i), file.id()).thenAccept(t -> {
                if (t.verified()) {
                    completed.put(id, now(transport));
                }
            });
        }
        while (completed.size() < s.late() && now(transport) - lateStart < s.limit().toNanos()) {
            transport.advance(s.step());
            for (int i = lateFrom; i <= s.peers(); i++) {
                if (!firstPeer.containsKey(i) && !net.info(PeerId.of(i)).neighbours().isEmpty()) {
                    firstPeer.put(i, now(transport));
                }
            }
        }
        int earlyDone = (int) early.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally() && f.join().verified()).count();
        double[] firsts = seconds(firstPeer, lateStart);
        double[] dones = seconds(completed, lateStart);
        return new Outcome(s, killedAt, earlyDone, firstPeer.size(), completed.size(), median(firsts), median(dones),
                dones.length == 0 ? Double.NaN : dones[dones.length - 1]);
    }

    private static double half(double[] firstHalf) {
        synchronized (firstHalf) {
            return firstHalf[0];
        }
    }

    private static long now(Transport t) {
        return t.clock().nanos();
    }

    private static double[] seconds(Map<Integer, Long> times, long from) {
        return times.values().stream().mapToDouble(t -> (t - from) / 1e9).sorted().toArray();
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
