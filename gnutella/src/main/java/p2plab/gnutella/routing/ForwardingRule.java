package p2plab.gnutella.routing;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where a servent sends a query: the one decision that tells flooding, expanding ring and random
 * walks apart. The servent keeps every other rule of Gnutella (TTL, hops, never forwarding a
 * GUID twice, QueryHits along the reverse path); a rule only picks neighbours.
 *
 * <p>Write one by implementing {@link #choose}; override {@link #rounds} if the asker should try
 * several TTLs one after another. A servent has its own instance, and calls it on its own thread.
 */
public interface ForwardingRule {

    /**
     * Picks the neighbours that get a copy of {@code query}.
     *
     * @param query      the copy about to be sent (its TTL and hops are those the copy will carry)
     * @param candidates every neighbour except the one the query came from
     * @param random     the servent's seeded randomness: use it (not {@code new Random()}) so runs repeat
     * @return the chosen neighbours, a subset of {@code candidates} (empty stops the query here)
     */
    List<Neighbour> choose(QueryInfo query, List<Neighbour> candidates, RandomGenerator random);

    /**
     * The TTL of each round of a search this servent starts, in order. Each round is a new query
     * with a new GUID; the asker waits between rounds and stops once it has hits. Default: one
     * round at the TTL asked for.
     */
    default List<Integer> rounds(int ttl) {
        return List.of(ttl);
    }
}
