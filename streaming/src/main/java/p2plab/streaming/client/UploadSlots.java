package p2plab.streaming.client;

import p2plab.common.time.Clock;
import p2plab.common.transport.Link;
import p2plab.streaming.media.IntLruSet;
import p2plab.streaming.media.TrackCatalogue;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Refuse;
import p2plab.streaming.wire.StreamMessage.Request;

/**
 * Serving other listeners: only whole tracks held in the cache, to at most
 * {@link ClientSettings#uploadSlots()} neighbours at once. A neighbour holds a slot while its
 * requests are queued or flowing; busy, a request is refused and the asker goes elsewhere.
 */
final class UploadSlots {
    private final Clock clock;
    private final TrackCatalogue catalogue;
    private final ClientSettings settings;
    private final IntLruSet cache;
    private final Neighbourhood neighbourhood;
    private int inUse;

    UploadSlots(Clock clock, TrackCatalogue catalogue, ClientSettings settings, IntLruSet cache, Neighbourhood neighbourhood) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.settings = settings;
        this.cache = cache;
        this.neighbourhood = neighbourhood;
    }

    /** Another listener asks for chunks: queue them if we hold the track whole and it has or gets a slot. */
    void onRequest(Link<StreamMessage> link, Neighbour n, Request r) {
        if (!neighbourhood.online() || !cache.contains(r.track()) || !catalogue.validRange(r.track(), r.first(), r.count())) {
            link.send(new Refuse(r.track(), r.first(), r.count(), false));
            return;
        }
        if (!n.slot && inUse >= settings.uploadSlots()) {
            link.send(new Refuse(r.track(), r.first(), r.count(), true));
            return;
        }
        if (!n.uploads.add(r.track(), r.first(), r.count())) {
            link.send(new Refuse(r.track(), r.first(), r.count(), true));
            return;
        }
        if (!n.slot) {
            n.slot = true;
            inUse++;
        }
        n.lastUsedNanos = clock.nanos();
        drain(link, n);
    }

    /** The neighbour no longer wants what it asked of {@code track} (it skipped, or found it faster elsewhere). */
    void onCancel(Neighbour n, int track) {
        n.uploads.cancel(track);
        releaseIfDone(n);
    }

    /** Sends what the link takes now; the slot is free once the neighbour's queue is empty. */
    void drain(Link<StreamMessage> link, Neighbour n) {
        n.uploads.drain(link, catalogue, (t, i) -> cache.contains(t), c -> { });
        releaseIfDone(n);
    }

    private void releaseIfDone(Neighbour n) {
        if (n.slot && n.uploads.isEmpty()) {
            n.slot = false;
            inUse--;
        }
    }

    /** A closed link's slot is free. */
    void onClosed(Link<StreamMessage> link) {
        if (link.attachment() instanceof Neighbour n && n.slot) {
            n.slot = false;
            inUse--;
        }
    }
}
