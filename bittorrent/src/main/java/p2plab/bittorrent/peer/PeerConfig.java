package p2plab.bittorrent.peer;

import java.time.Duration;

/**
 * The knobs of one peer's wire behaviour; the defaults are BEP 3's customary values.
 *
 * @param pipeline       requests kept outstanding per peer at first (about 5 saturates a typical link)
 * @param rechoke        how often the choker re-ranks peers
 * @param snubTimeout    a peer that sends no data this long while we want some is snubbed
 * @param banAfter       bad pieces before a peer is banned
 * @param maxConnections peers we dial at most (incoming ones are accepted beyond that, up to {@link PeerEngine#MAX_INBOUND})
 * @param maxPipeline    how far the pipeline may grow while a peer keeps it full: one more
 *                       request per block that arrives while all were out (like TCP's slow start,
 *                       it doubles each round trip), up to this and to the peer's {@code reqq}.
 *                       Equal to {@code pipeline}: a fixed pipeline.
 * @param handshakeTimeout a connection that has not completed its handshake this long after it
 *                       opened is closed (libtorrent waits 10 s too), so a peer cannot hold a
 *                       connection open with a partial or trickled handshake
 */
public record PeerConfig(int pipeline, Duration rechoke, Duration snubTimeout, int banAfter, int maxConnections,
                         Duration handshakeTimeout, int maxPipeline) {

    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /**
     * libtorrent's default cap on requests out to one peer (max_out_request_queue): 500 blocks are
     * 8 MiB in flight, enough to fill a fast link whose round trip grows under load.
     */
    public static final int DEFAULT_MAX_PIPELINE = 500;
    public static final PeerConfig DEFAULTS = new PeerConfig(5, Duration.ofSeconds(10), Duration.ofSeconds(60), 2, 40,
            DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_MAX_PIPELINE);

    /** A fixed pipeline and the default handshake timeout. */
    public PeerConfig(int pipeline, Duration rechoke, Duration snubTimeout, int banAfter, int maxConnections) {
        this(pipeline, rechoke, snubTimeout, banAfter, maxConnections, DEFAULT_HANDSHAKE_TIMEOUT, pipeline);
    }

    public PeerConfig {
        if (pipeline < 1) {
            throw new IllegalArgumentException("pipeline must be >= 1, got " + pipeline);
        }
        if (maxPipeline < pipeline) {
            throw new IllegalArgumentException("maxPipeline must be >= pipeline, got " + maxPipeline + " < " + pipeline);
        }
        if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive, got " + handshakeTimeout);
        }
        if (banAfter < 1) {
            throw new IllegalArgumentException("banAfter must be >= 1, got " + banAfter);
        }
    }

    /** A fixed pipeline of {@code n} requests. */
    public PeerConfig withPipeline(int n) {
        return new PeerConfig(n, rechoke, snubTimeout, banAfter, maxConnections, handshakeTimeout, n);
    }

    public PeerConfig withMaxConnections(int n) {
        return new PeerConfig(pipeline, rechoke, snubTimeout, banAfter, n, handshakeTimeout, maxPipeline);
    }

    public PeerConfig withHandshakeTimeout(Duration d) {
        return new PeerConfig(pipeline, rechoke, snubTimeout, banAfter, maxConnections, d, maxPipeline);
    }
}
