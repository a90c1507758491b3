package p2plab.kazaa.election;

/**
 * What a peer declares about itself, which is all an election may weigh.
 *
 * @param id                  the peer's id
 * @param uploadBytesPerSec   declared uplink; 0 means unlimited (the best there is)
 * @param downloadBytesPerSec declared downlink; 0 means unlimited
 * @param firewalled          cannot accept connections, so it can never serve as a supernode
 * @param uptimeMillis        how long it has been running
 */
public record Candidate(int id, long uploadBytesPerSec, long downloadBytesPerSec, boolean firewalled, long uptimeMillis) {

    public Candidate {
        if (uploadBytesPerSec < 0 || downloadBytesPerSec < 0 || uptimeMillis < 0) {
            throw new IllegalArgumentException("rates and uptime are >= 0");
        }
    }

    /** The uplink as a comparable number: unlimited counts as the largest. */
    public long effectiveUpload() {
        return uploadBytesPerSec == 0 ? Long.MAX_VALUE : uploadBytesPerSec;
    }
}
