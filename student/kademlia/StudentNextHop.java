package kademlia;

import java.util.List;
import java.util.random.RandomGenerator;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.NextHopPolicy;

/**
 * Lab 7: whom a Kademlia lookup asks next. Read docs/labs/lab7-kademlia.md, then replace the
 * TODO. Grade it with `./p2plab grade kademlia`.
 */
public class StudentNextHop implements NextHopPolicy {

    @Override
    public List<Contact> choose(NodeId target, List<Contact> unqueried, int slots, RandomGenerator random) {
        throw new UnsupportedOperationException("TODO: pick up to `slots` of the unqueried contacts closest to the target");
    }
}
