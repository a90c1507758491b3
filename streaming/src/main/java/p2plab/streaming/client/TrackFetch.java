package p2plab.streaming.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.streaming.media.Playback;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.media.TrackCatalogue;
import p2plab.streaming.wire.StreamMessage;

/**
 * The download of one track: which chunks are in, which are asked of whom, the peers found
 * to hold it, and — once the user plays it — its {@link Playback}. A prefetch is a fetch
 * without a playback yet.
 */
final class TrackFetch {
    final int track;
    final boolean[] have;
    /** Whom each chunk was asked of, or null when it is missing and not asked. */
    final Object[] askedFrom;
    final long[] bytes = new long[SourceKind.values().length];
    final List<Address> holders = new ArrayList<>();
    /** Holders that refused, failed or were too slow: not asked again for this track. */
    final Set<Address> dropped = new HashSet<>();
    /** Chunks outstanding per source. */
    private final java.util.Map<Object, Integer> outstanding = new java.util.IdentityHashMap<>(4);
    int haveCount;
    Playback playback;
    /** Chunk 0 was here when play was clicked. */
    boolean localStart;
    boolean searched;
    boolean searchDone;
    long searchId;
    /** The key request sent for this play, or -1. */
    int keyId = -1;
    /** How long the listener listens once audio starts ({@link ListeningSession#WHOLE}: to the end). */
    long listenNanos = ListeningSession.WHOLE;
    /** A prefetch may take the track's head from the server (the policy said so). */
    boolean serverHead;
    Cancellable pumpTimer;
    Cancellable watchdog;

    TrackFetch(int track, TrackCatalogue catalogue) {
        this.track = track;
        this.have = new boolean[catalogue.chunks()];
        this.askedFrom = new Object[catalogue.chunks()];
    }

    boolean complete() {
        return haveCount == have.length;
    }

    /** Records that chunk {@code i} is asked of {@code source}. */
    void ask(int i, Object source) {
        askedFrom[i] = source;
        outstanding.merge(source, 1, Integer::sum);
    }

    /** Chunk {@code i} is in, or no longer expected from whom it was asked of. */
    void unask(int i) {
        Object source = askedFrom[i];
        if (source != null) {
            askedFrom[i] = null;
            outstanding.computeIfPresent(source, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    /** True when some chunk is asked of {@code link} and not in yet. */
    boolean waitsOn(Link<StreamMessage> link) {
        return outstanding.containsKey(link);
    }

    /** Forgets what was asked of {@code link}: those chunks are missing again. */
    void release(Link<StreamMessage> link) {
        if (outstanding.remove(link) == null) {
            return;
        }
        for (int i = 0; i < askedFrom.length; i++) {
            if (askedFrom[i] == link) {
                askedFrom[i] = null;
            }
        }
    }

    /** The sources chunks are asked of now. */
    java.util.Set<Object> sources() {
        return outstanding.keySet();
    }

    boolean anyAsked() {
        return haveCount > 0 || !outstanding.isEmpty();
    }

    void cancelTimers() {
        if (pumpTimer != null) {
            pumpTimer.cancel();
            pumpTimer = null;
        }
        if (watchdog != null) {
            watchdog.cancel();
            watchdog = null;
        }
    }
}
