package p2plab.gnutella.servent;

import java.util.List;
import p2plab.gnutella.message.Guid;

/**
 * What a servent's search found, before the network adds the transport's counts.
 *
 * @param hits           distinct files found (one per holder and index), in arrival order
 * @param hopsToFirstHit hops of the first hit, -1 without hits
 * @param latencyMillis  protocol time to the first hit, or the whole search without hits
 * @param durationMillis protocol time until the search ended
 * @param guids          the GUID of each round (one for flooding; several for expanding ring)
 */
public record SearchOutcome(List<FoundFile> hits, int hopsToFirstHit, double latencyMillis, double durationMillis,
                            List<Guid> guids) {

    public SearchOutcome {
        hits = List.copyOf(hits);
        guids = List.copyOf(guids);
    }
}
