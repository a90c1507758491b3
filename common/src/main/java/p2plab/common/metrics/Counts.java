package p2plab.common.metrics;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Message and byte counts for one slice of the metrics (a peer, a type, an overlay, the total).
 *
 * @param messagesSent     messages handed to the transport
 * @param bytesSent        their bytes on the wire
 * @param messagesReceived messages delivered whole to a peer
 * @param bytesReceived    their bytes
 * @param dropped          messages that never arrived: lost, sent to a peer that died, or shed by the
 *                         sender because the link was backed up ({@code SendQueue})
 * @param rejected         frames refused as malformed or oversized
 */
public record Counts(long messagesSent, long bytesSent, long messagesReceived, long bytesReceived,
                     long dropped, long rejected) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(messagesSent + o.messagesSent, bytesSent + o.bytesSent,
                messagesReceived + o.messagesReceived, bytesReceived + o.bytesReceived,
                dropped + o.dropped, rejected + o.rejected);
    }

    /** Whether nothing was counted; a question about the data, not data, so JSON leaves it out. */
    @JsonIgnore
    public boolean isZero() {
        return equals(ZERO);
    }
}
