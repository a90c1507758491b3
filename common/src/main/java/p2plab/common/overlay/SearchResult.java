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
