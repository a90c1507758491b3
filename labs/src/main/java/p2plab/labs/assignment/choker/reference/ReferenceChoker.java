package p2plab.labs.assignment.choker.reference;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import p2plab.bittorrent.choke.ChokeCandidate;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.choke.TitForTatChoker;

/** Lab 5's reference solution: the overlay's own tit-for-tat with 4 + 1 slots and a 30 s optimistic period. */
public final class ReferenceChoker implements Choker {
    private final TitForTatChoker choker = new TitForTatChoker(4, 30_000_000_000L);

    @Override
    public Set<String> unchoke(List<ChokeCandidate> peers, boolean seeding, long nowNanos, RandomGenerator random) {
        return choker.unchoke(peers, seeding, nowNanos, random);
    }
}
