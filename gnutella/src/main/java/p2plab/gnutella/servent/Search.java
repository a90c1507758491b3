package p2plab.gnutella.servent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import p2plab.common.time.Cancellable;
import p2plab.gnutella.message.Guid;

/**
 * One search this servent started: its rounds' GUIDs, the hits so far, and the future that
 * completes when its window closes. Used on the servent's thread only.
 */
final class Search {
    /** Hits one search keeps (QueryHits arrive for as long as the window is open). */
    static final int MAX_HITS = p2plab.common.overlay.SearchResult.MAX_HITS;
    final String text;
    final SearchTracer tracer;
    private final long startNanos;
    private final List<Guid> guids = new ArrayList<>();
    private final List<FoundFile> hits = new ArrayList<>();
    private final Set<String> holdersAndIndexes = new HashSet<>();
    private final CompletableFuture<SearchOutcome> result = new CompletableFuture<>();
    private long firstHitNanos = -1;
    private int firstHitHops = -1;
    Cancellable timer = Cancellable.NONE;

    Search(String text, SearchTracer tracer, long startNanos) {
        this.text = text;
        this.tracer = tracer;
        this.startNanos = startNanos;
    }

    CompletableFuture<SearchOutcome> result() {
        return result;
    }

    void addRound(Guid guid) {
        guids.add(guid);
    }

    List<Guid> guids() {
        return List.copyOf(guids);
    }

    void add(FoundFile f, long now) {
        if (result.isDone() || hits.size() >= MAX_HITS || !holdersAndIndexes.add(f.holder() + "/" + f.index())) {
            return;
        }
        if (hits.isEmpty()) {
            firstHitNanos = now;
            firstHitHops = f.hops();
        }
        hits.add(f);
    }

    boolean hasHits() {
        return !hits.isEmpty();
    }

    boolean done() {
        return result.isDone();
    }

    /** Ends the search with what it has; harmless if it ended already. */
    void finish(long now) {
        if (result.isDone()) {
            return;
        }
        timer.cancel();
        double duration = (now - startNanos) / 1e6;
        double latency = firstHitNanos < 0 ? duration : (firstHitNanos - startNanos) / 1e6;
        SearchOutcome outcome = new SearchOutcome(hits, firstHitHops, latency, duration, guids);
        for (Guid g : outcome.guids()) {
            tracer.closed(g);
        }
        result.complete(outcome);
    }
}
