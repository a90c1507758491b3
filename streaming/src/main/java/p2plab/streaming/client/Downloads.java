package p2plab.streaming.client;

import java.util.ArrayList;
import java.util.List;
import p2plab.common.transport.Link;
import p2plab.streaming.media.Connection;
import p2plab.streaming.wire.StreamMessage;

/**
 * A listener's downloads: the track playing and the next one, prefetched; at most one of
 * each. Every part of the listener that fetches, searches or rescues looks them up here.
 */
final class Downloads {
    /** The track playing, or null between plays. */
    TrackFetch current;
    /** The track fetched ahead of its play, or null. */
    TrackFetch prefetch;

    /** The downloads under way, the playing one first. */
    List<TrackFetch> all() {
        List<TrackFetch> out = new ArrayList<>(2);
        if (current != null) {
            out.add(current);
        }
        if (prefetch != null) {
            out.add(prefetch);
        }
        return out;
    }

    /** False once {@code f} was played, skipped or replaced: its timers have nothing left to do. */
    boolean live(TrackFetch f) {
        return f == current || f == prefetch;
    }

    /** The download of {@code track}, or null. */
    TrackFetch of(int track) {
        return current != null && current.track == track ? current
                : prefetch != null && prefetch.track == track ? prefetch : null;
    }

    /** True when some download waits for chunks asked of {@code link}. */
    boolean waitOn(Link<StreamMessage> link) {
        return current != null && current.waitsOn(link) || prefetch != null && prefetch.waitsOn(link);
    }

    /** About to ask {@code link} for chunks at {@code now}: tells its TCP model whether the sender was idle. */
    void requesting(Link<StreamMessage> link, long now) {
        if (link.attachment() instanceof Connection c) {
            c.arrivals.requested(now, waitOn(link));
        }
    }
}
