package p2plab.labs.assignment.gnutella.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import p2plab.gnutella.routing.Neighbour;
import p2plab.gnutella.routing.QueryInfo;
import p2plab.labs.assignment.gnutella.QueryRouter;

/** Lab 2's reference solution: Gnutella 0.4's rules, flooding, expanding ring in steps of 2. */
public final class ReferenceQueryRouter implements QueryRouter {
    private final Map<String, String> cameFrom = new HashMap<>();

    @Override
    public void originate(String guid) {
        cameFrom.put(guid, LOCAL);
    }

    @Override
    public Decision onQuery(String guid, String from, int ttl, int hops) {
        if (cameFrom.putIfAbsent(guid, from) != null) {
            return Decision.DUPLICATE;
        }
        int left = ttl - 1;
        return new Decision(true, left > 0, left, hops + 1);
    }

    @Override
    public String routeHit(String guid) {
        return cameFrom.get(guid);
    }

    @Override
    public List<Neighbour> choose(QueryInfo query, List<Neighbour> candidates, RandomGenerator random) {
        return candidates;
    }

    @Override
    public List<Integer> rounds(int ttl) {
        List<Integer> ttls = new ArrayList<>();
        for (int t = 1; t < ttl; t += 2) {
            ttls.add(t);
        }
        ttls.add(ttl);
        return ttls;
    }
}
