package p2plab.labs.trackerless;

import java.time.Duration;

/**
 * When a peer talks to the DHT about one torrent.
 *
 * @param announceEvery  announce_peer this often, seeding or downloading; each announce starts
 *                       with a get_peers lookup, so it also brings peers
 * @param lookupEvery    while short of peers, get_peers this often
 * @param enoughPeers    connected peers at which the extra lookups stop
 */
public record DhtSchedule(Duration announceEvery, Duration lookupEvery, int enoughPeers) {
    /**
     * announce_peer every 15 minutes, libtorrent's {@code dht_announce_interval} (900 s); BEP 5
     * leaves the interval open, and a DHT node keeps an announcement 30 minutes, so every peer
     * renews twice per lifetime. While fewer than 20 peers are connected (the {@code min_peers}
     * below which BitTorrent 3.x's tracker client asked again) get_peers once a minute, the
     * pace at which our tracker client retries a tracker that does not answer.
     */
    public static final DhtSchedule USUAL = new DhtSchedule(Duration.ofMinutes(15), Duration.ofMinutes(1), 20);

    public DhtSchedule {
        if (announceEvery.isNegative() || announceEvery.isZero() || lookupEvery.isNegative() || lookupEvery.isZero()) {
            throw new IllegalArgumentException("DHT intervals must be positive");
        }
        if (enoughPeers < 0) {
            throw new IllegalArgumentException("enoughPeers must be >= 0, got " + enoughPeers);
        }
    }
}
