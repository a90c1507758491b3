package p2plab.labs.assignment.kademlia.reference;

import java.util.List;
import java.util.random.RandomGenerator;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.NextHopPolicy;

/**
 * Lab 7's reference solution: Kademlia's own rule. Ask the {@code slots} closest contacts not
 * asked yet; the lookup hands them over closest first, so they are the head of the list.
 */
public final class ReferenceNextHop implements NextHopPolicy {
    private final NextHopPolicy kademlia = NextHopPolicy.closestFirst();

    @Override
    public List<Contact> choose(NodeId target, List<Contact> unqueried, int slots, RandomGenerator random) {
        return kademlia.choose(target, unqueried, slots, random);
    }
}
