package p2plab.kademlia.krpc;

/** The error codes of BEP 5. */
public final class ErrorCode {
    public static final int GENERIC = 201;
    public static final int SERVER = 202;
    public static final int PROTOCOL = 203;
    public static final int METHOD_UNKNOWN = 204;

    private ErrorCode() {
    }
}
