package p2plab.common.overlay;

import java.util.List;
import java.util.Map;
import p2plab.common.metrics.Json;

/**
 * What one search found and what it cost.
 *
 * @param overlay        the architecture that ran it
 * @param from           the peer that asked
 * @param query          what it asked
 * @param hits           files found, with their holders
 * @param hopsToFirstHit overlay hops of the first answer; -1 when nothing was found
 * @param messages       messages the search caused, counted by the transport
 * @param duplicates     copies of the query that reached a peer that had seen it already
 * @param peersReached   distinct peers that received the query
 * @param latencyMillis  protocol time from asking to the first hit (or to the end, without hits)
 * @param durationMillis protocol time until the search ended
 * @param timedOut       true when it ended at its timeout instead of an end marker
 * @param details        overlay-specific extras (e.g. {@code supernodes} involved), for display
 */
public record SearchResult(String overlay, PeerId from, Query query, List<Hit> hits, int hopsToFirstHit,
                           long messages, long duplicates, int peersReached, double latencyMillis,
                           double durationMillis, boolean timedOut, Map<String, String> details) {
    /**
     * Hits one search keeps while it collects them: answers arrive from other peers for as long as
     * its window is open, so without a limit they could fill the heap. Far above what a search
     * finds in the lab's networks (Kazaa's 100,000-peer benchmark: 1,563 a query on average).
     */
    public static final int MAX_HITS = 100_000;

    public SearchResult {
        hits = List.copyOf(hits);
        details = Map.copyOf(details);
    }

    public boolean found() {
        return !hits.isEmpty();
    }

    public String toJson() {
        return Json.write(this);
    }
}
