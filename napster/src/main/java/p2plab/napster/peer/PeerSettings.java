package p2plab.napster.peer;

import java.time.Duration;
import p2plab.napster.wire.NapsterCodec;

/**
 * What a student can tune on a Napster peer.
 *
 * @param heartbeatInterval how often a logged-in peer pings the server (must be well under the
 *                          server's heartbeat timeout)
 * @param retryInterval     how often a peer without a server connection tries to log in again
 * @param searchTimeout     a search with no end marker by then ends as timed out
 * @param maxResults        MAX_RESULTS asked for in each search (the server may cap it lower)
 * @param chunkSize         bytes per chunk on a data connection
 * @param window            chunks an uploader may send ahead of the downloader's acknowledgements
 * @param downloadAttempts  holders a download tries (each after a fresh search) before giving up
 */
public record PeerSettings(Duration heartbeatInterval, Duration retryInterval, Duration searchTimeout, int maxResults,
                           int chunkSize, int window, int downloadAttempts) {

    public static final PeerSettings DEFAULTS = new PeerSettings(Duration.ofSeconds(10), Duration.ofSeconds(2),
            Duration.ofSeconds(30), 100, 32 * 1024, 4, 5);

    public PeerSettings {
        positive("heartbeat", heartbeatInterval);
        positive("retry", retryInterval);
        positive("searchTimeout", searchTimeout);
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be >= 1, got " + maxResults);
        }
        if (chunkSize < 1 || chunkSize > NapsterCodec.MAX_CHUNK) {
            throw new IllegalArgumentException("chunk must be 1.." + NapsterCodec.MAX_CHUNK + " bytes, got " + chunkSize);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1 chunk, got " + window);
        }
        if (downloadAttempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, got " + downloadAttempts);
        }
    }

    private static void positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
