package p2plab.bittorrent.choke;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * BEP 3's tit-for-tat: {@code slots} regular unchokes for the interested peers that gave us the
 * most (by download rate; when seeding, the ones that take the most, by upload rate), plus one
 * optimistic unchoke rotated every {@code optimisticPeriod}, where peers that connected recently
 * get three chances, so newcomers with nothing to trade get a first piece. Snubbed peers (no data
 * for a minute) lose their regular slot; only the optimistic one can still pick them. Peers tied
 * on rate (typically at zero) keep their slot if they have one, and are otherwise ordered at
 * random, not by id, so no one is favoured by name.
 */
public final class TitForTatChoker implements Choker {
    public static final long DEFAULT_OPTIMISTIC_NANOS = 30_000_000_000L;

    private final int slots;
    private final int seedSlots;
    private final long optimisticPeriodNanos;
    private String optimistic;
    private long optimisticSince = Long.MIN_VALUE;

    public TitForTatChoker() {
        this(4, DEFAULT_OPTIMISTIC_NANOS);
    }

    public TitForTatChoker(int slots, long optimisticPeriodNanos) {
        this(slots, slots, optimisticPeriodNanos);
    }

    /** With {@code seedSlots} regular slots while seeding and {@code slots} while leeching. */
    public TitForTatChoker(int slots, int seedSlots, long optimisticPeriodNanos) {
        if (slots < 0 || seedSlots < 0) {
            throw new IllegalArgumentException("unchoke slots must be >= 0, got " + slots + " and " + seedSlots);
        }
        this.slots = slots;
        this.seedSlots = seedSlots;
        this.optimisticPeriodNanos = optimisticPeriodNanos;
    }

    @Override
    public Set<String> unchoke(List<ChokeCandidate> peers, boolean seeding, long nowNanos, RandomGenerator random) {
        List<ChokeCandidate> ranked = new ArrayList<>();
        for (ChokeCandidate c : peers) {
            // while leeching, a regular slot is earned by uploading to us; others wait for the optimistic one
            if (c.interested() && (seeding || (!c.snubbed() && c.downloadRate() > 0))) {
                ranked.add(c);
            }
        }
        // Ties (typically at rate zero, before anyone has traded) go to the peers already
        // unchoked, so that asking the choker between periods does not churn the slots.
        Comparator<ChokeCandidate> byRate = seeding
                ? Comparator.comparingDouble(ChokeCandidate::uploadRate).reversed()
                : Comparator.comparingDouble(ChokeCandidate::downloadRate).reversed();
        Comparator<ChokeCandidate> order = byRate.thenComparing(ChokeCandidate::unchoked, Comparator.reverseOrder());
        java.util.Collections.shuffle(ranked, new java.util.Random(random.nextLong()));
        ranked.sort(order); // stable: remaining ties keep their shuffled order
        Set<String> chosen = new HashSet<>();
        int regular = seeding ? seedSlots : slots;
        for (int i = 0; i < ranked.size() && chosen.size() < regular; i++) {
            chosen.add(ranked.get(i).key());
        }
        boolean keep = optimistic != null && nowNanos - optimisticSince < optimisticPeriodNanos && !chosen.contains(optimistic)
                && peers.stream().anyMatch(c -> c.key().equals(optimistic) && c.interested());
        if (!keep) {
            optimistic = pickOptimistic(peers, chosen, nowNanos, random);
            optimisticSince = nowNanos;
        }
        if (optimistic != null) {
            chosen.add(optimistic);
        }
        return chosen;
    }

    private String pickOptimistic(List<ChokeCandidate> peers, Set<String> chosen, long nowNanos, RandomGenerator random) {
        List<String> tickets = new ArrayList<>();
        for (ChokeCandidate c : peers) {
            if (c.interested() && !chosen.contains(c.key())) {
                boolean isNew = nowNanos - c.connectedNanos() < optimisticPeriodNanos;
                for (int t = 0; t < (isNew ? 3 : 1); t++) {
                    tickets.add(c.key());
                }
            }
        }
        return tickets.isEmpty() ? null : tickets.get(random.nextInt(tickets.size()));
    }

    /** The peer holding the optimistic slot, or null. */
    public String optimistic() {
        return optimistic;
    }

    @Override
    public String toString() {
        return "tit-for-tat(" + slots + "+1" + (seedSlots == slots ? "" : ", seeding " + seedSlots + "+1") + ")";
    }
}
