package p2plab.kademlia.lookup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;

/**
 * The lookup step: whom a lookup asks next ({@link #choose}), which contacts of an answer
 * become candidates ({@link #merge}) and when the lookup is over ({@link #done}). The
 * pluggable part of the lookup (lab 7 swaps in a student's); {@link Lookup} keeps the
 * candidates and their states and checks what the policy returns.
 *
 * <p>Kademlia's answers: ask the closest candidates not asked yet, which makes each round at
 * least halve the distance to the target; add every contact not known yet; stop when the k
 * closest candidates have all answered.
 */
public interface NextHopPolicy {

    /** Where a live candidate is: not asked yet, asked and waiting, or answered. (Those that failed are no candidates.) */
    enum Progress { UNQUERIED, IN_FLIGHT, ANSWERED }

    /**
     * Picks up to {@code slots} contacts to query now.
     *
     * @param unqueried every known contact not asked yet, closest to {@code target} first
     * @param random    the node's seeded randomness, for policies that want it
     */
    List<Contact> choose(NodeId target, List<Contact> unqueried, int slots, RandomGenerator random);

    /**
     * The contacts of an answer that become candidates.
     *
     * @param known  every candidate so far (asked or not, failed ones too), closest to {@code target} first
     * @param answer the contacts the answer lists, in its order (the querying node itself is left out)
     * @return the contacts to add, each once, none of them known already, closest first
     */
    default List<Contact> merge(NodeId target, List<Contact> known, List<Contact> answer) {
        Set<NodeId> seen = new HashSet<>();
        known.forEach(c -> seen.add(c.id()));
        List<Contact> added = new ArrayList<>();
        for (Contact c : answer) {
            if (seen.add(c.id())) {
                added.add(c);
            }
        }
        added.sort((a, b) -> target.closer(a.id(), b.id()));
        return added;
    }

    /**
     * The stop rule: whether the lookup is over.
     *
     * @param closestFirst the live candidates' progress, closest to the target first
     * @param k            how many closest nodes the lookup settles on
     */
    default boolean done(List<Progress> closestFirst, int k) {
        for (int i = 0; i < Math.min(k, closestFirst.size()); i++) {
            if (closestFirst.get(i) != Progress.ANSWERED) {
                return false;
            }
        }
        return true;
    }

    /** Kademlia: the {@code slots} closest unqueried contacts. */
    static NextHopPolicy closestFirst() {
        return (target, unqueried, slots, random) -> unqueried.subList(0, Math.min(slots, unqueried.size()));
    }
}
