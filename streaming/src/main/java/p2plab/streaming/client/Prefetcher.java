package p2plab.streaming.client;

import p2plab.common.time.Cancellable;
import p2plab.common.time.Clock;
import p2plab.streaming.media.IntLruSet;
import p2plab.streaming.media.TrackCatalogue;
import p2plab.streaming.policy.RescuePolicy;
import p2plab.streaming.policy.RescuePolicy.NextTrack;

/**
 * The hybrid's prefetch of the track known to follow: near the end of a play, the
 * {@link RescuePolicy} is asked once a second whether to search for the next track's holders,
 * take its head from the server, or wait. The play of that track then takes the download over.
 */
final class Prefetcher {
    private final Clock clock;
    private final TrackCatalogue catalogue;
    private final Mode mode;
    private final RescuePolicy policy;
    private final IntLruSet cache;
    private final Downloads downloads;
    private final Fetcher fetcher;
    private final OverlaySearch search;
    private int nextTrack = -1;
    private Cancellable policyTimer;

    Prefetcher(Clock clock, TrackCatalogue catalogue, Mode mode, RescuePolicy policy, IntLruSet cache,
               Downloads downloads, Fetcher fetcher, OverlaySearch search) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.mode = mode;
        this.policy = policy;
        this.cache = cache;
        this.downloads = downloads;
        this.fetcher = fetcher;
        this.search = search;
    }

    /** A play of {@code track} starts: its prefetched download if there is one (else null; another prefetch is abandoned). */
    TrackFetch take(int track) {
        TrackFetch p = downloads.prefetch;
        if (p != null && p.track == track) {
            downloads.prefetch = null;
            return p;
        }
        if (p != null) {
            fetcher.abandon(p);
            downloads.prefetch = null;
        }
        return null;
    }

    /** {@code track} plays and {@code next} (or -1) follows it: in the hybrid, the policy is asked from the prefetch window on. */
    void plan(int track, int next) {
        nextTrack = next;
        if (mode == Mode.HYBRID && next >= 0 && next != track) {
            long untilWindow = catalogue.durationNanos() - ClientSettings.nanos(Listener.PREFETCH_WINDOW_SECONDS);
            policyTimer = clock.scheduleNanos(Math.max(0, untilWindow), this::onPolicyTick);
        }
    }

    /** The play ended: no more questions about its next track. */
    void stop() {
        if (policyTimer != null) {
            policyTimer.cancel();
            policyTimer = null;
        }
    }

    private void onPolicyTick() {
        policyTimer = null;
        TrackFetch current = downloads.current;
        if (current == null || nextTrack < 0) {
            return;
        }
        long left = catalogue.durationNanos() - current.playback.positionAt(clock.nanos());
        TrackFetch n = downloads.prefetch != null && downloads.prefetch.track == nextTrack ? downloads.prefetch : null;
        boolean inCache = n == null && cache.contains(nextTrack);
        if (!inCache) {
            NextTrack view = new NextTrack(left / 1e9, n != null && n.searched, n != null && n.searchDone,
                    n == null ? 0 : n.holders.size(), n != null && n.anyAsked());
            switch (policy.prefetch(view)) {
                case SEARCH -> search.search(prefetchFor(nextTrack));
                case FETCH_FROM_SERVER -> {
                    TrackFetch p = prefetchFor(nextTrack);
                    p.serverHead = true;
                    fetcher.pump(p);
                }
                case WAIT -> { }
            }
        }
        if (left > 0) {
            policyTimer = clock.scheduleNanos(ClientSettings.nanos(1), this::onPolicyTick);
        }
    }

    private TrackFetch prefetchFor(int track) {
        if (downloads.prefetch == null || downloads.prefetch.track != track) {
            if (downloads.prefetch != null) {
                fetcher.abandon(downloads.prefetch);
            }
            downloads.prefetch = new TrackFetch(track, catalogue);
        }
        return downloads.prefetch;
    }
}
