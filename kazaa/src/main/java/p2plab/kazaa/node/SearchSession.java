package p2plab.kazaa.node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import p2plab.common.metrics.Metrics;
import p2plab.common.metrics.Tally;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.kazaa.wire.FoundFile;
import p2plab.kazaa.wire.Guid;
import p2plab.kazaa.wire.KazaaMessage;

/**
 * One search, seen from the peer that asked: it collects hits until the search window closes,
 * then reports what was found and what it cost, as the transport's tally counted it.
 */
final class SearchSession {
    /** Hits (and answering supernodes) one search keeps (QueryHits arrive for as long as the window is open). */
    static final int MAX_HITS = p2plab.common.overlay.SearchResult.MAX_HITS;
    static final String QUERY_TYPE = "kazaa/Query";

    private final Guid guid;
    private final PeerId from;
    private final Query query;
    private final Metrics metrics;
    private final Tally tally;
    private final long startNanos;
    private final int ownSupernode;
    private final CompletableFuture<SearchResult> result;
    private final List<Hit> hits = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<Integer> answering = new TreeSet<>();
    private int firstHops = -1;
    private double firstHitMillis = -1;

    /** @param ownSupernode the asker's id if it is a supernode itself (it reaches itself without a message), else -1 */
    SearchSession(Guid guid, PeerId from, Query query, Metrics metrics, long startNanos, int ownSupernode,
                  CompletableFuture<SearchResult> result) {
        this.guid = guid;
        this.from = from;
        this.query = query;
        this.metrics = metrics;
        this.tally = metrics.openTally(guid);
        this.startNanos = startNanos;
        this.ownSupernode = ownSupernode;
        this.result = result;
    }

    Guid guid() {
        return guid;
    }

    void onHit(KazaaMessage.QueryHit hit, long nowNanos) {
        if (answering.size() < MAX_HITS) {
            answering.add(hit.supernode().id());
        }
        for (FoundFile f : hit.files()) {
            if (hits.size() < MAX_HITS && seen.add(f.holder().id() + "/" + f.file().content().hex())) {
                if (hits.isEmpty()) {
                    firstHops = hit.hops();
                    firstHitMillis = (nowNanos - startNanos) / 1e6;
                }
                hits.add(new Hit(PeerId.of(f.holder().id()), f.file().content(), f.file().name(), f.file().size(), hit.hops()));
            }
        }
    }

    /** Ends the search: the tally stops counting and the result goes to whoever waits. */
    void finish(long nowNanos) {
        metrics.closeTally(guid);
        Set<Integer> reached = new TreeSet<>();
        for (String label : tally.receivers(QUERY_TYPE)) {
            reached.add(Integer.parseInt(label.substring(1)));
        }
        if (ownSupernode >= 0) {
            reached.add(ownSupernode);
        }
        double duration = (nowNanos - startNanos) / 1e6;
        result.complete(new SearchResult("kazaa", from, query, hits, firstHops, tally.messages(),
                tally.duplicates(QUERY_TYPE), reached.size(), hits.isEmpty() ? duration : firstHitMillis, duration, false,
                Map.of("supernodes", join(reached), "answered-by", join(answering), "guid", guid.toString())));
    }

    private static String join(Set<Integer> ids) {
        StringBuilder b = new StringBuilder();
        for (int id : ids) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(id);
        }
        return b.toString();
    }
}
