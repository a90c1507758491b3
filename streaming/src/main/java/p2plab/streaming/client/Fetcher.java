package p2plab.streaming.client;

import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.streaming.media.TrackCatalogue;
import p2plab.streaming.policy.RescuePolicy;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Cancel;
import p2plab.streaming.wire.StreamMessage.Refuse;
import p2plab.streaming.wire.StreamMessage.Request;

/**
 * Asks for what a download misses: in the hybrid, peers first ({@link HolderRequests}), and
 * the server for the track's head and for what must arrive soon (its horizon); in the server
 * and CDN modes, the origin or the edge a little ahead of the playhead.
 */
final class Fetcher {
    private final Node<StreamMessage> node;
    private final TrackCatalogue catalogue;
    private final ClientSettings settings;
    private final Mode mode;
    private final Downloads downloads;
    private final Neighbourhood neighbourhood;
    private final HolderRequests holders;

    Fetcher(Node<StreamMessage> node, TrackCatalogue catalogue, ClientSettings settings, Mode mode, RescuePolicy policy,
            Downloads downloads, Neighbourhood neighbourhood) {
        this.node = node;
        this.catalogue = catalogue;
        this.settings = settings;
        this.mode = mode;
        this.downloads = downloads;
        this.neighbourhood = neighbourhood;
        this.holders = new HolderRequests(node, settings, policy, downloads, neighbourhood, this::pump);
    }

    /** Asks for what is missing: peers first (hybrid), then the server or edge within its horizon. */
    void pump(TrackFetch f) {
        if (f.complete()) {
            return;
        }
        long now = node.clock().nanos();
        long position = f.playback != null ? f.playback.positionAt(now) : 0;
        long head = ClientSettings.nanos(settings.serverHeadSeconds());
        if (mode == Mode.HYBRID) {
            holders.ask(f, f.playback != null || f.serverHead ? chunkFrom(head) : 0);
        }
        long horizon = serverHorizon(f, position, head);
        Link<StreamMessage> source = neighbourhood.source();
        if (source == null || !source.isOpen()) {
            return;
        }
        int first = -1;
        int i = f.playback != null ? f.playback.firstMissing() : 0;
        for (; i < f.have.length && catalogue.positionNanos(i) < horizon; i++) {
            boolean missing = !f.have[i] && f.askedFrom[i] == null;
            if (missing) {
                if (first < 0) {
                    first = i;
                    downloads.requesting(source, node.clock().nanos());
                }
                f.ask(i, source);
            } else if (first >= 0) {
                source.send(new Request(f.track, first, i - first));
                first = -1;
            }
        }
        if (first >= 0) {
            source.send(new Request(f.track, first, i - first));
        }
        scheduleRefill(f, i, horizon);
    }

    /** The first chunk that starts at or after audio position {@code nanos}. */
    private int chunkFrom(long nanos) {
        int c = catalogue.chunkAt(nanos);
        return catalogue.positionNanos(c) < nanos ? c + 1 : c;
    }

    /** How far (in audio nanoseconds) the server or edge may be asked for this fetch now. */
    private long serverHorizon(TrackFetch f, long position, long head) {
        long ahead = ClientSettings.nanos(settings.aheadSeconds());
        if (mode != Mode.HYBRID) {
            return position + ahead;
        }
        if (f.playback == null) {
            return f.serverHead ? head : 0;
        }
        boolean peersMayServe = !f.searchDone || !f.holders.isEmpty();
        long limit = peersMayServe ? ClientSettings.nanos(settings.serverAheadSeconds()) : ahead;
        return Math.max(head, position + limit);
    }

    /** When playback moves the horizon past a few more chunks, ask again. */
    private void scheduleRefill(TrackFetch f, int firstBeyond, long horizon) {
        if (f.playback == null || firstBeyond >= f.have.length || f.pumpTimer != null) {
            return;
        }
        int target = Math.min(f.have.length - 1, firstBeyond + settings.refillChunks() - 1);
        long delay = Math.max(1_000_000L, catalogue.positionNanos(target) - horizon + 1);
        f.pumpTimer = node.clock().scheduleNanos(delay, () -> {
            f.pumpTimer = null;
            if (downloads.live(f)) {
                pump(f);
            }
        });
    }

    /** A holder of {@code f}'s track is known: ask it too. */
    void addHolder(TrackFetch f, Address holder) {
        holders.add(f, holder);
    }

    /** Gives up {@code f}: its timers stop, and whoever still owes it chunks is told to cancel. */
    void abandon(TrackFetch f) {
        f.cancelTimers();
        for (Link<StreamMessage> l : node.links()) {
            if (f.waitsOn(l)) {
                l.send(new Cancel(f.track));
            }
        }
    }

    /** A source refused chunks of a track: a peer is dropped for it, the server's refusal just frees the chunks. */
    void onRefuse(Link<StreamMessage> link, Refuse r) {
        for (TrackFetch f : downloads.all()) {
            if (f.track == r.track()) {
                askElsewhere(f, link);
            }
        }
    }

    /** What was asked of a closed link is asked elsewhere. */
    void onClosed(Link<StreamMessage> link) {
        for (TrackFetch f : downloads.all()) {
            if (f.waitsOn(link)) {
                askElsewhere(f, link);
            }
        }
    }

    private void askElsewhere(TrackFetch f, Link<StreamMessage> link) {
        if (link.attachment() instanceof Neighbour n) {
            holders.drop(f, link, n.listening);
        } else {
            f.release(link);
        }
        pump(f);
    }
}
