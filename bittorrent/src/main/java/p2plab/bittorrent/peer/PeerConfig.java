package p2plab.bittorrent.peer;

import java.time.Duration;

/**
 * The knobs of one peer's wire behaviour; the defaults are BEP 3's customary values.
 *
 * @param pipeline       requests kept outstanding per peer (about 5 saturates a typical link)
 * @param rechoke        how often the choker re-ranks peers
 * @param snubTimeout    a peer that sends no data this long while we want some is snubbed
 * @param banAfter       bad pieces before a peer is banned
 * @param maxConnections peers we dial at most (incoming ones are accepted beyond that)
 */
public record PeerConfig(int pipeline, Duration rechoke, Duration snubTimeout, int banAfter, int maxConnections) {

    public static final PeerConfig DEFAULTS = new PeerConfig(5, Duration.ofSeconds(10), Duration.ofSeconds(60), 2, 40);

    public PeerConfig {
        if (pipeline < 1) {
            throw new IllegalArgumentException("pipeline must be >= 1, got " + pipeline);
        }
        if (banAfter < 1) {
            throw new IllegalArgumentException("banAfter must be >= 1, got " + banAfter);
        }
    }

    public PeerConfig withPipeline(int n) {
        return new PeerConfig(n, rechoke, snubTimeout, banAfter, maxConnections);
    }

    public PeerConfig withMaxConnections(int n) {
        return new PeerConfig(pipeline, rechoke, snubTimeout, banAfter, n);
    }
}
