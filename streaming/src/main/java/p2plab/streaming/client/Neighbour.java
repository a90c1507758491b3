package p2plab.streaming.client;

import p2plab.common.transport.Address;
import p2plab.streaming.media.Connection;

/** A listener's state for one connection to another listener. */
final class Neighbour extends Connection {
    /** This neighbour holds one of our upload slots. */
    boolean slot;
    /** When it last sent us a chunk, or when we last asked it for some while it was idle. */
    long lastHeardNanos;
    /** Last time the link carried anything useful; the least recent idle neighbour goes first. */
    long lastUsedNanos;

    Neighbour(Address listening) {
        super(listening);
    }
}
