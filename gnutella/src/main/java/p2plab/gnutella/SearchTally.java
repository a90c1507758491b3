package p2plab.gnutella;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import p2plab.common.metrics.Metrics;
import p2plab.common.metrics.Tally;
import p2plab.gnutella.message.Guid;
import p2plab.gnutella.servent.SearchTracer;

/**
 * The transport's tallies of one search, one per round GUID, summed: this is where a search's
 * message count, duplicates and reach come from (the servent never counts).
 */
final class SearchTally implements SearchTracer {
    static final String QUERY = "gnutella/Query";

    private final Metrics metrics;
    private final List<Tally> tallies = new ArrayList<>();

    SearchTally(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public synchronized void opened(Guid guid) {
        tallies.add(metrics.openTally(guid));
    }

    @Override
    public void closed(Guid guid) {
        metrics.closeTally(guid);
    }

    synchronized long messages() {
        return tallies.stream().mapToLong(Tally::messages).sum();
    }

    synchronized long duplicates() {
        return tallies.stream().mapToLong(t -> t.duplicates(QUERY)).sum();
    }

    /** Distinct peers (other than the asker) that received the query in any round. */
    synchronized int peersReached(String askerLabel) {
        Set<String> reached = new HashSet<>();
        for (Tally t : tallies) {
            reached.addAll(t.receivers(QUERY));
        }
        reached.remove(askerLabel);
        return reached.size();
    }
}
