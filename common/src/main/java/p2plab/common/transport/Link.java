package p2plab.common.transport;

/** One end of a connection between two peers. Messages on one link arrive in the order sent. */
public interface Link<M> {

    /** The node this end belongs to. */
    Node<M> local();

    /** The listening address of the peer at the other end, when known, else its socket address. */
    Address remote();

    /** True if this side opened the connection. */
    boolean outbound();

    boolean isOpen();

    /** Queues {@code message} for the remote peer; ignored when the link is closed. */
    void send(M message);

    /**
     * True when the link takes more data without queueing it behind what is already waiting,
     * like a socket with room in its send buffer. A protocol that can still change its mind
     * (BitTorrent's choke and cancel drop requests not yet answered) sends bulk data only while
     * this holds. When it answers false, {@link PeerHandler#onWritable} follows once the queue
     * has drained, unless the link closes first.
     */
    default boolean writable() {
        return isOpen();
    }

    /**
     * Counts {@code message} as dropped without sending it: the protocol shed it because the
     * link was backed up ({@link SendQueue}). The transport counts it like a message lost.
     */
    default void shed(M message) {
    }

    /** Closes gracefully: messages already sent are still delivered. */
    void close();

    /** Anything the protocol wants to keep with the connection (its per-neighbour state). */
    Object attachment();

    void attach(Object attachment);
}
