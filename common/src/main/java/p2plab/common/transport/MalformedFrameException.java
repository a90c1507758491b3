package p2plab.common.transport;

/** Bytes from a peer that can never become a valid message; the message says what was wrong. */
public class MalformedFrameException extends Exception {

    public MalformedFrameException(String message) {
        super(message);
    }

    public MalformedFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
