package p2plab.gnutella.routing;

import java.util.List;
import java.util.random.RandomGenerator;

/** Classic Gnutella: every neighbour but the sender gets a copy. */
public final class Flooding implements ForwardingRule {

    @Override
    public List<Neighbour> choose(QueryInfo query, List<Neighbour> candidates, RandomGenerator random) {
        return candidates;
    }
}
