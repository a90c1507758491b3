package p2plab.kademlia.routing;

/**
 * BEP 5's three states of a node in a routing table. Good: it answered one of our queries in
 * the last 15 minutes, or it answered once and queried us in the last 15 minutes. Bad: it
 * failed to answer several queries in a row. Questionable: neither (silent for 15 minutes, or
 * never answered us yet).
 */
public enum NodeState {
    GOOD, QUESTIONABLE, BAD
}
