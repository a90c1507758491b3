package p2plab.bittorrent.peer;

import java.util.Map;

/**
 * How one download of a torrent went.
 *
 * @param bytes          bytes of the torrent now held (its size when complete)
 * @param durationNanos  protocol time from start to the last verified piece
 * @param bytesDown      payload bytes received (including duplicates and bad data)
 * @param bytesUp        payload bytes sent
 * @param sources        payload bytes received by peer key (hex peer id)
 * @param corruptPieces  pieces that failed their SHA-1 check
 * @param complete       every piece verified
 */
public record SwarmResult(long bytes, long durationNanos, long bytesDown, long bytesUp, Map<String, Long> sources,
                          long corruptPieces, boolean complete) {

    public SwarmResult {
        sources = Map.copyOf(sources);
    }

    public double seconds() {
        return durationNanos / 1e9;
    }
}
