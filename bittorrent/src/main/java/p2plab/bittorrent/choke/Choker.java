package p2plab.bittorrent.choke;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Decides whom we upload to (the second BitTorrent lab). The peer calls it every rechoke period
 * (10 s) and when peers come and go; it may keep state between calls (the optimistic slot).
 */
public interface Choker {

    /**
     * @param peers   every connected peer
     * @param seeding true when we have every piece (then only upload rates matter)
     * @return the keys of the peers to unchoke; all others are choked
     */
    Set<String> unchoke(List<ChokeCandidate> peers, boolean seeding, long nowNanos, RandomGenerator random);
}
