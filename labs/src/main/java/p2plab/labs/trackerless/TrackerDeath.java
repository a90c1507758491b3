package p2plab.labs.trackerless;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
    /** How the peers of the swarm find each other. */
    public enum Discovery {
        /** The tracker only, as in BitTorrent's first years. */
        TRACKER("tracker"),
        /** The tracker and a Kademlia DHT, as real clients do. */
        TRACKER_AND_DHT("tracker+dht"),
        /** The DHT only: the torrent names no tracker, so killing it changes nothing. */
        DHT("dht");

        private final String label;

        Discovery(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Discovery parse(String text) {
            for (Discovery d : values()) {
                if (d.label.equals(text)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown discovery '" + text + "'; choose tracker, tracker+dht or dht");
        }
    }

    /**
     * @param peers       BitTorrent clients (peer 1 seeds, then the early ones, the rest are late)
     * @param early       downloaders that start before the tracker dies
     * @param fileBytes   size of the file
     * @param pieceLength bytes per piece
     * @param upload      every peer's upload rate, bytes per second (it makes a download take time)
     * @param discovery   how peers find each other
     * @param seed        seed of every random choice
     * @param step        how often the run looks at the swarm in the first 10 s of each phase (times to first peer
     *                    are measured to this); five times less often after
     * @param limit       protocol time each phase may take (the early one until the kill, the late one after it)
     */
    public record Setup(int peers, int early, long fileBytes, int pieceLength, long upload, Discovery discovery, long seed,
                        Duration step, Duration limit) {
        public Setup {
            if (peers < 3 || early < 1 || early > peers - 2) {
                throw new IllegalArgumentException("need a seed, 1..peers-2 early downloaders and at least one late one; got peers="
                        + peers + ", early=" + early);
            }
        }

        public Setup with(Discovery d) {
            return new Setup(peers, early, fileBytes, pieceLength, upload, d, seed, step, limit);
        }

        public Setup withSeed(long s) {
            return new Setup(peers, early, fileBytes, pieceLength, upload, discovery, s, step, limit);
        }

        public int late() {
            return peers - 1 - early;
        }
    }

    /**
     * What happened, in seconds of protocol time: the kill and the early peers' times from the
     * start of the early downloads, the late peers' from the moment they started (just after
     * the kill). Each array holds one time per peer that got that far, sorted.
     *
     * @param killedAt        when the tracker died
     * @param earlyFirstPeer  early downloaders' times to their first peer
     * @param earlyDone       early downloads' times to completion (verified)
     * @param lateFirstPeer   late downloaders' times to their first peer
     * @param lateDone        late downloads' times to completion (verified)
     */
    public record Outcome(Setup setup, double killedAt, double[] earlyFirstPeer, double[] earlyDone, double[] lateFirstPeer,
                          double[] lateDone) {
        public int earlyCompleted() {
            return earlyDone.length;
        }

        public int lateWithPeer() {
            return lateFirstPeer.length;
        }

        public int lateCompleted() {
            return lateDone.length;
        }

        @Override
        public String toString() {
            return setup.discovery().label() + ": killed at " + killedAt + " s, early " + earlyCompleted() + "/" + setup.early()
                    + " done (first peer, median " + median(earlyFirstPeer) + " s), late " + lateWithPeer() + "/" + setup.late()
                    + " with a peer (median " + median(lateFirstPeer) + " s), " + lateCompleted() + " done (median "
                    + median(lateDone) + " s)";
        }
    }

    private TrackerDeath() {
    }

    public static Outcome run(Setup s, Transport transport) {
        Map<String, String> options = new HashMap<>(Map.of("piece-length", Integer.toString(s.pieceLength()), "store", "shared"));
        if (s.discovery() == Discovery.DHT) {
            options.put("trackerless", "true");
        }
        NetworkSpec spec = NetworkSpec.of("tracker-death", s.peers(), s.seed())
                .withPeerSpec(PeerSpec.rates(s.upload(), 0)).withOptions(options);
        try (Network net = s.discovery() == Discovery.TRACKER ? new BitTorrentOverlay().create(spec, transport)
                : DhtSwarm.start(spec, transport, Progress.NONE, DhtSchedule.USUAL)) {
            return run(s, net, transport);
        }
    }

    private static Outcome run(Setup s, Network net, Transport transport) {
        GeneratedContent file = new GeneratedContent("tracker-death.bin", s.fileBytes(), s.seed());
        net.share(PeerId.of(1), file);
        transport.advance(Duration.ofSeconds(1)); // the seed announces before the others arrive
        long start = now(transport);
        double[] firstHalf = {0};
        int lateFrom = 2 + s.early();
        Map<Integer, Long> earlyFirst = new ConcurrentHashMap<>();
        Map<Integer, Long> earlyDone = new ConcurrentHashMap<>();
        for (int i = 2; i < lateFrom; i++) {
            int id = i;
            net.download(PeerId.of(i), file.id(), (done, total, sources) -> {
                synchronized (firstHalf) {
                    firstHalf[0] = Math.max(firstHalf[0], total == 0 ? 0 : (double) done / total);
                }
            }).thenAccept(t -> completed(t, id, earlyDone, transport));
        }
        while (half(firstHalf) < 0.5 && now(transport) - start < s.limit().toNanos()) {
            transport.advance(step(s, now(transport) - start));
            firstPeers(net, 2, lateFrom - 1, earlyFirst, transport);
        }
        net.kill(PeerId.of(0));
        double killedAt = (now(transport) - start) / 1e9;
        long lateStart = now(transport);
        Map<Integer, Long> lateFirst = new ConcurrentHashMap<>();
        Map<Integer, Long> lateDone = new ConcurrentHashMap<>();
        for (int i = lateFrom; i <= s.peers(); i++) {
            int id = i;
            net.download(PeerId.of(i), file.id()).thenAccept(t -> completed(t, id, lateDone, transport));
        }
        while ((lateDone.size() < s.late() || earlyDone.size() < s.early()) && now(transport) - lateStart < s.limit().toNanos()) {
            transport.advance(step(s, now(transport) - lateStart));
            firstPeers(net, 2, lateFrom - 1, earlyFirst, transport);
            firstPeers(net, lateFrom, s.peers(), lateFirst, transport);
        }
        return new Outcome(s, killedAt, seconds(earlyFirst, start), seconds(earlyDone, start), seconds(lateFirst, lateStart),
                seconds(lateDone, lateStart));
    }

    /** The run's step for the first 10 s of a phase, when first peers are found; five times longer after. */
    private static Duration step(Setup s, long phaseNanos) {
        return phaseNanos < 10_000_000_000L ? s.step() : s.step().multipliedBy(5);
    }

    private static void completed(TransferResult t, int id, Map<Integer, Long> done, Transport transport) {
        if (t.verified()) {
            done.put(id, now(transport));
        }
    }

    /** Notes the time at which each of peers {@code from..to} first has a swarm neighbour. */
    private static void firstPeers(Network net, int from, int to, Map<Integer, Long> first, Transport transport) {
        for (int i = from; i <= to; i++) {
            if (!first.containsKey(i) && !net.info(PeerId.of(i)).neighbours().isEmpty()) {
                first.put(i, now(transport));
            }
        }
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

    /** The median of sorted values; NaN when there are none. */
    public static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
