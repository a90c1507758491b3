package p2plab.kademlia.lookup;

import java.util.List;
import java.util.random.RandomGenerator;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;

/**
 * Whom a lookup asks next: the pluggable part of the lookup (lab 7 swaps in a student's).
 * Kademlia's answer is "the closest ones not asked yet", which is what makes each round at
 * least halve the distance to the target.
 */
@FunctionalInterface
public interface NextHopPolicy {

    /**
     * Picks up to {@code slots} contacts to query now.
     *
     * @param unqueried every known contact not asked yet, closest to {@code target} first
     * @param random    the node's seeded randomness, for policies that want it
     */
    List<Contact> choose(NodeId target, List<Contact> unqueried, int slots, RandomGenerator random);

    /** Kademlia: the {@code slots} closest unqueried contacts. */
    static NextHopPolicy closestFirst() {
        return (target, unqueried, slots, random) -> unqueried.subList(0, Math.min(slots, unqueried.size()));
    }
}
