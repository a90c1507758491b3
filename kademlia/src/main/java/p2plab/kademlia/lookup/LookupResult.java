package p2plab.kademlia.lookup;

import java.util.List;
import p2plab.common.transport.Address;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;

/**
 * What a lookup found and what it cost.
 *
 * @param closest        the k closest nodes that answered, closest first
 * @param peers          for get_peers: the peers (compact values) the nodes returned
 * @param rounds         the deepest hop it queried (the start contacts are hop 1)
 * @param queries        queries it sent
 * @param answers        answers it received
 * @param timeouts       queries that went unanswered (or were answered with an error)
 * @param distanceBits   for each round, the XOR distance to the target (in bits, 0 = the target
 *                       itself) of the closest node that answered in that round
 */
public record LookupResult(NodeId target, List<Contact> closest, List<Address> peers, int rounds, int queries,
                           int answers, int timeouts, List<Integer> distanceBits) {

    /** Messages on the wire: every query and every answer. */
    public int messages() {
        return queries + answers;
    }
}
