package p2plab.labs.session;

/** A mistake the user can fix: its message is the one line the shell prints ("what is wrong; what to do"). */
public class LabException extends RuntimeException {

    public LabException(String message) {
        super(message);
    }
}
