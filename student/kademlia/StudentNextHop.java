package kademlia;

import java.util.List;
import java.util.random.RandomGenerator;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.NextHopPolicy;

/**
 * Lab 7: the Kademlia lookup step (pick, merge, stop). Read docs/labs/lab7-kademlia.md, then
 * replace the three TODOs. Grade it with `./p2plab grade kademlia`.
 */
public class StudentNextHop implements NextHopPolicy {

    @Override
    public List<Contact> choose(NodeId target, List<Contact> unqueried, int slots, RandomGenerator random) {
        throw new UnsupportedOperationException("TODO: pick up to `slots` of the unqueried contacts closest to the target");
    }

    @Override
    public List<Contact> merge(NodeId target, List<Contact> known, List<Contact> answer) {
        throw new UnsupportedOperationException("TODO: the contacts of the answer that are not known yet, each once, closest first");
    }

    @Override
    public boolean done(List<Progress> closestFirst, int k) {
        throw new UnsupportedOperationException("TODO: true when the k closest live candidates have all answered");
    }
}
