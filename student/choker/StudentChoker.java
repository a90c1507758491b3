package choker;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import p2plab.bittorrent.choke.ChokeCandidate;
import p2plab.bittorrent.choke.Choker;

/**
 * Lab 5: your BitTorrent choker. Read docs/labs/lab5-choker.md, then replace the TODO.
 * Grade it with `./p2plab grade choker`.
 */
public class StudentChoker implements Choker {

    @Override
    public Set<String> unchoke(List<ChokeCandidate> peers, boolean seeding, long nowNanos, RandomGenerator random) {
        throw new UnsupportedOperationException("TODO: tit-for-tat, optimistic unchoke, anti-snubbing");
    }
}
