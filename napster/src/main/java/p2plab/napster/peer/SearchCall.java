package p2plab.napster.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import p2plab.common.content.ContentId;
import p2plab.common.metrics.Metrics;
import p2plab.common.metrics.Tally;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.time.Cancellable;
import p2plab.napster.wire.NapMessage;
import p2plab.napster.wire.NapsterCodec.SearchTrace;

/**
 * One search in progress: the results gathered so far, and the tally in which the transport
 * counts its messages (the request, each result, the end marker).
 */
final class SearchCall {
    final String id;
    final CompletableFuture<SearchResult> future = new CompletableFuture<>();
    private final PeerId from;
    private final Query query;
    private final Metrics metrics;
    private final Tally tally;
    private final long startNanos;
    private final List<Hit> hits = new ArrayList<>();
    private long firstHitNanos = -1;
    Cancellable timeout = Cancellable.NONE;

    SearchCall(String id, PeerId from, Query query, Metrics metrics, long startNanos) {
        this.id = id;
        this.from = from;
        this.query = query;
        this.metrics = metrics;
        this.tally = metrics.openTally(new SearchTrace(id));
        this.startNanos = startNanos;
    }

    /**
     * Keeps the result unless the search has its {@code maxResults} already: that is what it asked
     * the server for, so a server that sends more cannot make a search hold more.
     */
    void onResult(NapMessage.SearchResult r, ContentId content, long now, int maxResults) {
        if (hits.size() >= maxResults) {
            return;
        }
        PeerId holder;
        try {
            holder = PeerId.parse(r.nick());
        } catch (IllegalArgumentException e) {
            return; // a client outside this lab: it has no peer id to report
        }
        if (firstHitNanos < 0) {
            firstHitNanos = now;
        }
        hits.add(new Hit(holder, content, r.file(), r.size(), 1));
    }

    List<Hit> hits() {
        return hits;
    }

    /** Ends the search: at its end marker, or at its timeout ({@code timedOut}). */
    SearchResult finish(long now, boolean timedOut, String server) {
        timeout.cancel();
        metrics.closeTally(tally.key());
        double duration = (now - startNanos) / 1e6;
        double latency = firstHitNanos < 0 ? duration : (firstHitNanos - startNanos) / 1e6;
        SearchResult result = new SearchResult("napster", from, query, hits, hits.isEmpty() ? -1 : 1,
                tally.messages(), 0, tally.distinctReceivers("napster/Search"), latency, duration, timedOut,
                Map.of("server", server));
        future.complete(result);
        return result;
    }

    /** Ends the search with an error (the server went away). */
    void fail(RuntimeException error) {
        timeout.cancel();
        metrics.closeTally(tally.key());
        future.completeExceptionally(error);
    }
}
