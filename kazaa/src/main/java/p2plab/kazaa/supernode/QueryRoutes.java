package p2plab.kazaa.supernode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import p2plab.kazaa.wire.Guid;
import p2plab.kazaa.wire.KazaaMessage;
import p2plab.common.transport.Link;

/**
 * The GUIDs a supernode has seen, each with the link its query came from: the first copy wins,
 * later copies are duplicates, and hits go back along the remembered link. Entries expire, so
 * the table stays as small as the queries in flight.
 */
final class QueryRoutes {
    /** Where the query came from; {@code back == null} means this supernode asked it itself. */
    record Route(Link<KazaaMessage> back, long expiresAt) {
    }

    private final LinkedHashMap<Guid, Route> routes = new LinkedHashMap<>();
    private final long lifetimeNanos;

    QueryRoutes(long lifetimeNanos) {
        this.lifetimeNanos = lifetimeNanos;
    }

    /** Records the first copy of {@code guid}; false if it was seen already (a duplicate). */
    boolean firstSeen(Guid guid, Link<KazaaMessage> back, long now) {
        expire(now);
        if (routes.containsKey(guid)) {
            return false;
        }
        routes.put(guid, new Route(back, now + lifetimeNanos));
        return true;
    }

    Route route(Guid guid) {
        return routes.get(guid);
    }

    int size() {
        return routes.size();
    }

    private void expire(long now) {
        Iterator<Map.Entry<Guid, Route>> it = routes.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().expiresAt() > now) {
                return; // entries are in arrival order, so the rest are younger
            }
            it.remove();
        }
    }
}
