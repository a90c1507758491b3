package gnutella;

import java.util.List;
import java.util.random.RandomGenerator;
import p2plab.gnutella.routing.Neighbour;
import p2plab.gnutella.routing.QueryInfo;
import p2plab.labs.assignment.gnutella.QueryRouter;

/**
 * Lab 2: Gnutella's query rules and a forwarding strategy. Read docs/labs/lab2-gnutella.md, then
 * replace every TODO. Grade it with `./p2plab grade gnutella`.
 */
public class StudentQueryRouter implements QueryRouter {

    @Override
    public void originate(String guid) {
        throw new UnsupportedOperationException("TODO: remember that this query is ours");
    }

    @Override
    public Decision onQuery(String guid, String from, int ttl, int hops) {
        throw new UnsupportedOperationException("TODO: duplicate? then TTL and hops");
    }

    @Override
    public String routeHit(String guid) {
        throw new UnsupportedOperationException("TODO: the reverse path");
    }

    @Override
    public List<Neighbour> choose(QueryInfo query, List<Neighbour> candidates, RandomGenerator random) {
        return List.of(); // TODO: flooding sends to every candidate
    }

    @Override
    public List<Integer> rounds(int ttl) {
        throw new UnsupportedOperationException("TODO: expanding ring");
    }
}
