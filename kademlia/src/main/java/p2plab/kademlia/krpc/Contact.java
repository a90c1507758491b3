package p2plab.kademlia.krpc;

import p2plab.common.transport.Address;

/** A node as others know it: its id and where it listens (BEP 5's "contact information"). */
public record Contact(NodeId id, Address address) {

    @Override
    public String toString() {
        return id.shortHex() + "@" + address;
    }
}
