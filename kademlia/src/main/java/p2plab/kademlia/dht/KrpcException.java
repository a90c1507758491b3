package p2plab.kademlia.dht;

/** A query that failed: no answer in time, or an error answer (with its BEP 5 code). */
public final class KrpcException extends RuntimeException {
    private final int code;

    public KrpcException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The error code of an error answer, or 0 for a timeout. */
    public int code() {
        return code;
    }
}
