package p2plab.common.transport;

/** A connection could not be opened: nobody listens at the address, or the peer is down. */
public class ConnectFailedException extends RuntimeException {

    public ConnectFailedException(String message) {
        super(message);
    }
}
