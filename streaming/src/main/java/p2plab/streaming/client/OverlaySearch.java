package p2plab.streaming.client;

import java.util.LinkedHashMap;
import java.util.Map;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.streaming.media.IntLruSet;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Found;
import p2plab.streaming.wire.StreamMessage.Lookup;
import p2plab.streaming.wire.StreamMessage.Peers;
import p2plab.streaming.wire.StreamMessage.Search;

/**
 * Finding who holds a track, as Spotify's client does: ask the tracker ({@code Lookup}, answered
 * by {@code Peers}) and flood the neighbours to a small depth ({@code Search}, answered by
 * {@code Found} along the reverse path). It also answers and passes on the neighbours' own
 * searches, remembering for a while whom each came from so that its answers find their way back.
 */
final class OverlaySearch {
    private static final int MAX_SEARCH_ROUTES = 1_024;
    /**
     * Answers to a search come back within its timeout (half a second by default): a route is
     * kept this long, so that a day of searches does not fill every listener's table.
     */
    private static final long ROUTE_NANOS = ClientSettings.nanos(10);

    /** The neighbour a search came from, to send answers back, and when it came. */
    private record Route(Link<StreamMessage> back, long at) {
    }

    private final Node<StreamMessage> node;
    private final ClientSettings settings;
    private final IntLruSet cache;
    private final Downloads downloads;
    private final Neighbourhood neighbourhood;
    private final Fetcher fetcher;
    /** Search id -> its route, oldest first; bounded, and routes older than {@link #ROUTE_NANOS} forgotten. */
    private final LinkedHashMap<Long, Route> searchRoutes = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Route> eldest) {
            return size() > MAX_SEARCH_ROUTES;
        }
    };

    OverlaySearch(Node<StreamMessage> node, ClientSettings settings, IntLruSet cache, Downloads downloads,
                  Neighbourhood neighbourhood, Fetcher fetcher) {
        this.node = node;
        this.settings = settings;
        this.cache = cache;
        this.downloads = downloads;
        this.neighbourhood = neighbourhood;
        this.fetcher = fetcher;
    }

    /** Looks for holders of {@code f}'s track; after the search timeout, the server may be asked further ahead. */
    void search(TrackFetch f) {
        f.searched = true;
        f.searchId = node.random().nextLong();
        Link<StreamMessage> server = neighbourhood.server();
        if (server != null) {
            server.send(new Lookup(f.track));
        }
        if (settings.searchDepth() > 0) {
            neighbourhood.sendToNeighbours(new Search(f.searchId, f.track, settings.searchDepth()), null);
        }
        node.clock().scheduleNanos(ClientSettings.nanos(settings.searchTimeoutSeconds()), () -> {
            f.searchDone = true;
            if (downloads.live(f)) {
                fetcher.pump(f);
            }
        });
    }

    /** The tracker's answer: its recent holders of the track (none, and no neighbours to search: the search is over). */
    void onPeers(Peers p) {
        for (TrackFetch f : downloads.all()) {
            if (f.track == p.track()) {
                p.holders().forEach(h -> fetcher.addHolder(f, h));
                if (p.holders().isEmpty() && neighbourhood.count() == 0) {
                    f.searchDone = true;
                    fetcher.pump(f);
                }
            }
        }
    }

    /** A neighbour's search: answer if we hold the track whole, pass it on while hops remain. */
    void onSearch(Link<StreamMessage> from, Search s) {
        long now = node.clock().nanos();
        for (var it = searchRoutes.values().iterator(); it.hasNext() && now - it.next().at() > ROUTE_NANOS; ) {
            it.remove();
        }
        if (searchRoutes.containsKey(s.id()) || s.ttl() < 1 || !neighbourhood.online()) {
            return;
        }
        searchRoutes.put(s.id(), new Route(from, now));
        if (cache.contains(s.track())) {
            from.send(new Found(s.id(), s.track(), node.address()));
        }
        if (s.ttl() > 1) {
            neighbourhood.sendToNeighbours(new Search(s.id(), s.track(), s.ttl() - 1), from);
        }
    }

    /** An answer: a holder for one of our downloads, or one to pass back towards whoever searched. */
    void onFound(Found found) {
        for (TrackFetch f : downloads.all()) {
            if (f.searchId == found.id() && f.track == found.track()) {
                fetcher.addHolder(f, found.holder());
                return;
            }
        }
        Route route = searchRoutes.get(found.id());
        if (route != null && route.back().isOpen()) {
            route.back().send(found);
        }
    }
}
