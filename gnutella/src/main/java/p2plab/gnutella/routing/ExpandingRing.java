package p2plab.gnutella.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Expanding ring (Lv, Cao, Cohen, Li, Shenker 2002): flood with TTL 1, then 3, 5... up to the TTL
 * asked for, stopping at the first round that finds something. Popular files are found close by,
 * cheaply; rare ones cost the sum of all rounds.
 */
public final class ExpandingRing implements ForwardingRule {
    private final int step;

    public ExpandingRing() {
        this(2);
    }

    public ExpandingRing(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("the ring must grow by at least 1 per round, got " + step);
        }
        this.step = step;
    }

    @Override
    public List<Neighbour> choose(QueryInfo query, List<Neighbour> candidates, RandomGenerator random) {
        return candidates;
    }

    @Override
    public List<Integer> rounds(int ttl) {
        List<Integer> ttls = new ArrayList<>();
        for (int t = 1; t < ttl; t += step) {
            ttls.add(t);
        }
        ttls.add(ttl);
        return ttls;
    }
}
