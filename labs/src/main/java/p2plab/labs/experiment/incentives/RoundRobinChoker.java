package p2plab.labs.experiment.incentives;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import p2plab.bittorrent.choke.ChokeCandidate;
import p2plab.bittorrent.choke.Choker;

/**
 * BitTorrent without tit-for-tat: every rechoke, upload to {@code slots} interested peers drawn
 * at random, whatever they gave back. Contributors and free-riders are served alike.
 */
final class RoundRobinChoker implements Choker {
    private final int slots;

    RoundRobinChoker(int slots) {
        this.slots = slots;
    }

    @Override
    public Set<String> unchoke(List<ChokeCandidate> peers, boolean seeding, long nowNanos, RandomGenerator random) {
        List<String> interested = new ArrayList<>();
        for (ChokeCandidate c : peers) {
            if (c.interested()) {
                interested.add(c.key());
            }
        }
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < slots && !interested.isEmpty()) {
            chosen.add(interested.remove(random.nextInt(interested.size())));
        }
        return chosen;
    }

    @Override
    public String toString() {
        return "random(" + slots + ")";
    }
}
