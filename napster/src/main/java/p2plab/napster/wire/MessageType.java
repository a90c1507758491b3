package p2plab.napster.wire;

/**
 * Every Napster message type with its number on the wire. Numbers below 1000 are the OpenNap
 * ones; the 3000s are this lab's framing of the peer-to-peer data connection (real clients send
 * a bare "GET" and then raw bytes there). {@link #ordinal()} is the metrics type code.
 *
 * <p>{@code maxBody} is the largest body a frame of that type may carry; longer frames are
 * refused as oversized.
 */
public enum MessageType {
    LOGIN_ERROR(0, "LoginError", NapsterCodec.MAX_CONTROL_BODY),
    LOGIN(2, "Login", NapsterCodec.MAX_CONTROL_BODY),
    LOGIN_ACK(3, "LoginAck", NapsterCodec.MAX_CONTROL_BODY),
    SHARE(100, "Share", NapsterCodec.MAX_CONTROL_BODY),
    UNSHARE(102, "Unshare", NapsterCodec.MAX_CONTROL_BODY),
    SEARCH(200, "Search", NapsterCodec.MAX_CONTROL_BODY),
    SEARCH_RESULT(201, "SearchResult", NapsterCodec.MAX_CONTROL_BODY),
    SEARCH_END(202, "SearchEnd", NapsterCodec.MAX_CONTROL_BODY),
    DOWNLOAD_REQUEST(203, "DownloadRequest", NapsterCodec.MAX_CONTROL_BODY),
    DOWNLOAD_ACK(204, "DownloadAck", NapsterCodec.MAX_CONTROL_BODY),
    GET_ERROR(206, "GetError", NapsterCodec.MAX_CONTROL_BODY),
    BROWSE(211, "Browse", NapsterCodec.MAX_CONTROL_BODY),
    BROWSE_RESULT(212, "BrowseResult", NapsterCodec.MAX_CONTROL_BODY),
    BROWSE_END(213, "BrowseEnd", NapsterCodec.MAX_CONTROL_BODY),
    ERROR_MESSAGE(404, "ErrorMessage", NapsterCodec.MAX_CONTROL_BODY),
    PING(750, "Ping", 0),
    GET(3000, "Get", NapsterCodec.MAX_CONTROL_BODY),
    GET_ACK(3001, "GetAck", 32),
    CHUNK(3002, "Chunk", NapsterCodec.CHUNK_HEADER + NapsterCodec.MAX_CHUNK),
    CHUNK_ACK(3003, "ChunkAck", 32),
    /** Never sent: what the decoder hands up for a frame it could not accept. */
    INVALID(-1, "Invalid", 0);

    private final int code;
    private final String label;
    private final int maxBody;

    MessageType(int code, String label, int maxBody) {
        this.code = code;
        this.label = label;
        this.maxBody = maxBody;
    }

    /** The number in the frame header. */
    public int code() {
        return code;
    }

    /** The name metrics count it under ({@code napster/Search}). */
    public String label() {
        return label;
    }

    public int maxBody() {
        return maxBody;
    }

    /** The type for a header number, or null for a number this codec does not know. */
    public static MessageType ofCode(int code) {
        for (MessageType t : values()) {
            if (t.code == code && t != INVALID) {
                return t;
            }
        }
        return null;
    }
}
