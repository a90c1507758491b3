package p2plab.kazaa.wire;

import p2plab.common.transport.Address;

/**
 * Who a peer is and where it listens: what supernode lists and query hits carry, so that a node
 * can connect to a supernode or to a file's holder directly.
 */
public record PeerRef(int id, Address address) {

    public PeerRef {
        if (id < 0) {
            throw new IllegalArgumentException("peer ids are >= 0, got " + id);
        }
        if (address == null) {
            throw new IllegalArgumentException("a peer reference needs an address");
        }
    }

    @Override
    public String toString() {
        return id + "@" + address;
    }
}
