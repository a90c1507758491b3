package p2plab.gnutella.servent;

/**
 * How a download went.
 *
 * @param source         the holder it came from
 * @param bytes          bytes received
 * @param verified       true when their SHA-256 matched the content id of the hit
 * @param durationMillis protocol time from asking to the last byte
 */
public record DownloadOutcome(FoundFile source, long bytes, boolean verified, double durationMillis) {
}
