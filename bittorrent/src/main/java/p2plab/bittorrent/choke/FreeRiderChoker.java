package p2plab.bittorrent.choke;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Never uploads: a free-rider, for the experiment that shows tit-for-tat punishing them. */
public final class FreeRiderChoker implements Choker {

    @Override
    public Set<String> unchoke(List<ChokeCandidate> peers, boolean seeding, long nowNanos, RandomGenerator random) {
        return Set.of();
    }

    @Override
    public String toString() {
        return "free-rider";
    }
}
