package p2plab.gnutella.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * k random walkers: the asker sends the query to k random neighbours, and every servent on the
 * way passes it to one random neighbour, until the TTL runs out. A walker that steps onto a
 * servent that has seen the query already stops there, since no servent forwards a GUID twice.
 */
public final class RandomWalk implements ForwardingRule {
    private final int walkers;

    public RandomWalk(int walkers) {
        if (walkers < 1) {
            throw new IllegalArgumentException("--walkers must be >= 1, got " + walkers);
        }
        this.walkers = walkers;
    }

    public int walkers() {
        return walkers;
    }

    @Override
    public List<Neighbour> choose(QueryInfo query, List<Neighbour> candidates, RandomGenerator random) {
        return pick(candidates, query.originated() ? walkers : 1, random);
    }

    /** {@code k} distinct candidates, uniformly (a partial Fisher-Yates shuffle of a copy). */
    static List<Neighbour> pick(List<Neighbour> candidates, int k, RandomGenerator random) {
        if (candidates.size() <= k) {
            return candidates;
        }
        List<Neighbour> pool = new ArrayList<>(candidates);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.size() - i);
            Neighbour t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return pool.subList(0, k);
    }
}
