package p2plab.labs.assignment.gnutella;

import p2plab.gnutella.routing.ForwardingRule;

/**
 * Lab 2: what a Gnutella servent does with a Query and its QueryHits. The descriptor rules
 * ({@link #originate}, {@link #onQuery}, {@link #routeHit}) are graded on their own and in a
 * small flooding model; the {@link ForwardingRule} half ({@code choose}, {@code rounds}) also
 * runs inside the real Gnutella overlay ({@code --impl student}), whose servents keep their own
 * TTL, duplicate and reverse-path bookkeeping.
 *
 * <p>Neighbours are named by strings; {@link #LOCAL} names this servent itself.
 */
public interface QueryRouter extends ForwardingRule {
    String LOCAL = "";

    /**
     * What to do with one arriving Query.
     *
     * @param handle  false for a duplicate (this GUID was seen before): drop it, no answer, no forwarding
     * @param forward true when copies go on to other neighbours
     * @param ttl     the TTL the forwarded copies carry
     * @param hops    the hops the forwarded copies carry
     */
    record Decision(boolean handle, boolean forward, int ttl, int hops) {
        public static final Decision DUPLICATE = new Decision(false, false, 0, 0);
    }

    /** This servent starts a query with {@code guid}; its hits will end here. */
    void originate(String guid);

    /** A Query with {@code guid} arrived from neighbour {@code from} carrying {@code ttl} and {@code hops} in its header. */
    Decision onQuery(String guid, String from, int ttl, int hops);

    /**
     * Where a QueryHit for {@code guid} goes next: the neighbour its Query first came from,
     * {@link #LOCAL} when this servent asked, or null (drop it) when the Query was never seen here.
     */
    String routeHit(String guid);
}
