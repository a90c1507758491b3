package p2plab.kademlia.dht;

import p2plab.kademlia.krpc.Contact;

/**
 * One step of a traced lookup, for {@code dht lookup --trace}: a query sent, an answer or a
 * timeout, with the contact's XOR distance to the target in bits.
 *
 * @param depth  the contact's hop in the lookup (the start contacts are hop 1)
 * @param nodes  for an answer: contacts it returned
 * @param values for an answer: peers it returned
 */
public record TraceEvent(long nanos, Kind kind, Contact contact, int distanceBits, int depth, int nodes, int values) {

    public enum Kind { QUERY, ANSWER, TIMEOUT }
}
