package p2plab.labs.assignment.kademlia.reference;

import java.util.List;
import java.util.random.RandomGenerator;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.NextHopPolicy;

/**
 * Lab 7's reference solution: Kademlia's own lookup step. The pick is here; the merge (every
 * contact of an answer not known yet) and the stop rule (the k closest have answered) are the
 * interface's own, which the overlay runs with.
 */
public final class ReferenceNextHop implements NextHopPolicy {

    /** The {@code slots} closest contacts not asked yet: the lookup hands them over closest first, so the head of the list. */
    @Override
    public List<Contact> choose(NodeId target, List<Contact> unqueried, int slots, RandomGenerator random) {
        return unqueried.subList(0, Math.min(slots, unqueried.size()));
    }
}
