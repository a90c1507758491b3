package p2plab.kademlia.dht;

import p2plab.kademlia.lookup.LookupResult;

/**
 * An announcement: the get_peers lookup that found the closest nodes and their tokens, then
 * how many of them accepted the announce_peer.
 */
public record AnnounceResult(LookupResult lookup, int announced, int accepted) {

    /** Messages on the wire: the lookup's, plus each announce_peer and its answer. */
    public int messages() {
        return lookup.messages() + announced + accepted;
    }
}
