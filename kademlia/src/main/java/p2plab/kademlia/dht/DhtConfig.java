package p2plab.kademlia.dht;

import java.time.Duration;

/**
 * A DHT node's settings; {@link #defaults()} follows BEP 5 and the Kademlia paper.
 *
 * @param k               nodes per bucket, and how many closest nodes a lookup settles on (8)
 * @param alpha           queries a lookup keeps in flight (3)
 * @param queryTimeout    how long a query waits for its answer (2 s)
 * @param goodFor         a node that answered is good this long (15 min)
 * @param refresh         whether idle buckets are refreshed
 * @param refreshAfter    a bucket untouched this long gets a lookup of a random id in its range (15 min)
 * @param tokenRotation   how often the token secret changes (5 min)
 * @param peerTtl         how long an announcement is kept without renewal (30 min)
 * @param maxPeersPerKey  announcements kept per info hash
 * @param maxKeys         info hashes kept
 * @param maxValues       peers returned in one get_peers answer (they must fit a datagram)
 */
public record DhtConfig(int k, int alpha, Duration queryTimeout, Duration goodFor, boolean refresh, Duration refreshAfter,
                        Duration tokenRotation, Duration peerTtl, int maxPeersPerKey, int maxKeys, int maxValues) {

    public DhtConfig {
        if (k < 1 || k > 50) {
            throw new IllegalArgumentException("k must be 1..50, got " + k);
        }
        if (alpha < 1 || alpha > 50) {
            throw new IllegalArgumentException("alpha must be 1..50, got " + alpha);
        }
        if (maxValues < 1 || maxValues > 100) {
            throw new IllegalArgumentException("maxValues must be 1..100 (a datagram holds about 200), got " + maxValues);
        }
    }

    public static DhtConfig defaults() {
        return new DhtConfig(8, 3, Duration.ofSeconds(2), Duration.ofMinutes(15), true, Duration.ofMinutes(15),
                Duration.ofMinutes(5), Duration.ofMinutes(30), 100, 1_000, 50);
    }

    public DhtConfig withK(int newK) {
        return new DhtConfig(newK, alpha, queryTimeout, goodFor, refresh, refreshAfter, tokenRotation, peerTtl, maxPeersPerKey, maxKeys, maxValues);
    }

    public DhtConfig withAlpha(int a) {
        return new DhtConfig(k, a, queryTimeout, goodFor, refresh, refreshAfter, tokenRotation, peerTtl, maxPeersPerKey, maxKeys, maxValues);
    }

    public DhtConfig withRefresh(boolean on) {
        return new DhtConfig(k, alpha, queryTimeout, goodFor, on, refreshAfter, tokenRotation, peerTtl, maxPeersPerKey, maxKeys, maxValues);
    }

    public DhtConfig withQueryTimeout(Duration d) {
        return new DhtConfig(k, alpha, d, goodFor, refresh, refreshAfter, tokenRotation, peerTtl, maxPeersPerKey, maxKeys, maxValues);
    }

    public DhtConfig withStoreLimits(int peersPerKey, int keys) {
        return new DhtConfig(k, alpha, queryTimeout, goodFor, refresh, refreshAfter, tokenRotation, peerTtl, peersPerKey, keys, maxValues);
    }
}
