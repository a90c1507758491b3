package p2plab.common.overlay;

/**
 * A failure the user should read: one line saying what is wrong and what to do
 * ("index server unreachable: searches need it; revive it with `peer revive 0`").
 */
public class OverlayException extends RuntimeException {

    public OverlayException(String message) {
        super(message);
    }

    public OverlayException(String message, Throwable cause) {
        super(message, cause);
    }
}
