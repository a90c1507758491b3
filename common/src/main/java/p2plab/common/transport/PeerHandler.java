package p2plab.common.transport;

/**
 * What a peer's protocol logic hears from the transport. All calls for one node arrive on that
 * node's thread, one at a time.
 */
public interface PeerHandler<M> {

    /** A connection is open, whichever side opened it ({@link Link#outbound()} tells). */
    default void onConnected(Link<M> link) {
    }

    /** A whole message arrived on {@code link}. */
    void onMessage(Link<M> link, M message);

    /**
     * A datagram from {@code from} (the sender's address, where a reply should go) arrived;
     * only overlays whose format allows datagrams receive any.
     */
    default void onDatagram(Address from, M message) {
    }

    /** {@code link} answered false to {@link Link#writable()} and has room again. */
    default void onWritable(Link<M> link) {
    }

    /**
     * {@code link} is closed: by either side, by a crash of the remote peer, by idle timeout or
     * because the remote sent malformed bytes. Called exactly once per link; {@code reason}
     * says which, in words a student can read.
     */
    default void onClosed(Link<M> link, String reason) {
    }
}
