package p2plab.gnutella.routing;

import p2plab.common.transport.Address;

/** A neighbour as a {@link ForwardingRule} sees it: who it is and how useful it has been. */
public interface Neighbour {

    /** Where the neighbour listens. */
    Address address();

    /** QueryHits that came back through this neighbour so far (for rules that favour productive links). */
    long hitsReturned();
}
