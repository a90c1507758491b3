package p2plab.kazaa.election;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The default election: the most capable peers serve, and the supernode share is held between
 * half and twice the target ratio.
 *
 * <ul>
 *   <li>Capacity: never a firewalled peer if another will do; then the widest uplink, then the
 *       longest uptime, then the lowest id (so every choice is deterministic).</li>
 *   <li>Start: the best {@code round(ratio x peers)} peers (at least one).</li>
 *   <li>Overload: a supernode with more than {@code maxChildren} children promotes its best
 *       child and hands it half of them. With the default {@code maxChildren = 2 (1 - r) / r}
 *       a supernode carries between (1 - r)/r and twice that as the network grows, so the
 *       ratio stays between r/2 and r.</li>
 *   <li>Too many supernodes: when a supernode and its neighbourhood average fewer than half the
 *       target children, the least loaded of that neighbourhood (ties: the higher id) steps
 *       down. Only one per neighbourhood, so a shrinking network sheds supernodes gradually.</li>
 * </ul>
 */
public final class CapacityElection implements SupernodeElection {

    /** Best first. */
    public static final Comparator<Candidate> BY_CAPACITY = Comparator
            .comparing(Candidate::firewalled)
            .thenComparing(Comparator.comparingLong(Candidate::effectiveUpload).reversed())
            .thenComparing(Comparator.comparingLong(Candidate::uptimeMillis).reversed())
            .thenComparingInt(Candidate::id);

    @Override
    public Set<Integer> initialSupernodes(List<Candidate> peers, ElectionParams params) {
        if (peers.isEmpty()) {
            return Set.of();
        }
        long wanted = Math.max(1, Math.round(params.targetRatio() * peers.size()));
        long eligible = Math.max(1, peers.stream().filter(c -> !c.firewalled()).count());
        return peers.stream()
                .sorted(BY_CAPACITY)
                .limit(Math.min(wanted, eligible))
                .map(Candidate::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Decision review(SupernodeView view) {
        int mine = view.children().size();
        if (mine > view.params().maxChildren()) {
            return view.children().stream()
                    .filter(c -> !c.firewalled())
                    .min(BY_CAPACITY)
                    .map(c -> Decision.promote(c.id()))
                    .orElse(Decision.KEEP);
        }
        if (view.neighbours().isEmpty()) {
            return Decision.KEEP; // the last supernode of its part of the network never leaves it
        }
        double half = view.params().targetChildren() / 2;
        double mean = (mine + view.neighbours().stream().mapToInt(SupernodeView.Load::children).sum())
                / (double) (1 + view.neighbours().size());
        if (mine >= half || mean >= half) {
            return Decision.KEEP;
        }
        for (SupernodeView.Load n : view.neighbours()) {
            boolean lessLoaded = n.children() < mine || (n.children() == mine && n.id() > view.self().id());
            if (lessLoaded) {
                return Decision.KEEP; // a neighbour is a better one to step down
            }
        }
        return Decision.DEMOTE;
    }
}
