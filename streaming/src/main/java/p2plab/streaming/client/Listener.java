package p2plab.streaming.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import p2plab.common.overlay.OverlayException;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.PeerHandler;
import p2plab.streaming.measure.PlayLog;
import p2plab.streaming.measure.PlayRecord;
import p2plab.streaming.media.IntLruSet;
import p2plab.streaming.media.Playback;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.media.Startup;
import p2plab.streaming.media.TcpModel;
import p2plab.streaming.media.TrackCatalogue;
import p2plab.streaming.policy.RescuePolicy;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Announce;
import p2plab.streaming.wire.StreamMessage.Cancel;
import p2plab.streaming.wire.StreamMessage.Chunk;
import p2plab.streaming.wire.StreamMessage.Found;
import p2plab.streaming.wire.StreamMessage.Hello;
import p2plab.streaming.wire.StreamMessage.Key;
import p2plab.streaming.wire.StreamMessage.Peers;
import p2plab.streaming.wire.StreamMessage.Refuse;
import p2plab.streaming.wire.StreamMessage.Request;
import p2plab.streaming.wire.StreamMessage.Search;

/**
 * A listener: plays tracks, fetching them from the origin (server mode), its nearest edge
 * (CDN) or, in the hybrid, from the server for the start and from peers for the rest; keeps
 * played tracks in an LRU cache ({@link IntLruSet}) and serves them to other listeners through
 * a few upload slots.
 *
 * <p>Sans-IO: it hears messages and timers and acts through its {@link Node}. This class is
 * the play itself (start, skip, end) and hands each message to the part whose job it is:
 * {@link Neighbourhood} (connections), {@link Fetcher} and {@link HolderRequests} (asking for
 * chunks), {@link ChunkIntake} (chunks in), {@link OverlaySearch} (finding holders),
 * {@link UploadSlots} (serving), {@link Prefetcher}, {@link KeyWait} and {@link ListeningPlan}.
 * The policy numbers are {@link ClientSettings}; the two rescue decisions are a {@link RescuePolicy}.
 */
public final class Listener implements PeerHandler<StreamMessage> {
    /** The policy is asked about the next track once a second during the last this many seconds. */
    public static final double PREFETCH_WINDOW_SECONDS = 45;

    private final TrackCatalogue catalogue;
    private final ClientSettings settings;
    private final Startup startup;
    private final TcpModel tcp;
    private final Mode mode;
    private final RescuePolicy policy;
    private final PlayLog log;
    private final Address server;
    private final Address edge;
    private final IntLruSet cache;
    private final Downloads downloads = new Downloads();

    // the parts, made when the listener is bound to its node
    private Node<StreamMessage> node;
    private Neighbourhood neighbourhood;
    private Fetcher fetcher;
    private ChunkIntake intake;
    private OverlaySearch search;
    private UploadSlots uploads;
    private Prefetcher prefetcher;
    private KeyWait keys;
    private ListeningPlan plan;

    private CompletableFuture<PlayRecord> playDone;
    private Cancellable endTimer;
    /** Ends the current play early: the listener skips to the next one. */
    private Cancellable skipTimer;

    public Listener(TrackCatalogue catalogue, ClientSettings settings, Startup startup, TcpModel tcp, Mode mode,
                    RescuePolicy policy, PlayLog log, Address server, Address edge) {
        this.catalogue = catalogue;
        this.settings = settings;
        this.startup = startup;
        this.tcp = tcp;
        this.mode = mode;
        this.policy = policy;
        this.log = log;
        this.server = server;
        this.edge = edge;
        this.cache = new IntLruSet(settings.cacheTracks());
    }

    public void bind(Node<StreamMessage> node) {
        this.node = node;
        neighbourhood = new Neighbourhood(node, settings, tcp, mode, server, edge);
        fetcher = new Fetcher(node, catalogue, settings, mode, policy, downloads, neighbourhood);
        intake = new ChunkIntake(node, mode, log, cache, downloads, neighbourhood, fetcher, this::progressed);
        search = new OverlaySearch(node, settings, cache, downloads, neighbourhood, fetcher);
        uploads = new UploadSlots(node.clock(), catalogue, settings, cache, neighbourhood);
        prefetcher = new Prefetcher(node.clock(), catalogue, mode, policy, cache, downloads, fetcher, search);
        keys = new KeyWait(startup, neighbourhood);
        plan = new ListeningPlan(node.clock(), this, neighbourhood);
    }

    /** Connects to the origin (the tracker, in the hybrid) and, in a CDN, to the edge. */
    public void start() {
        neighbourhood.start();
    }

    /** Puts {@code track} in the cache as if played before (a warm cache, for scenarios). */
    public void preload(int track) {
        cache.add(track);
        if (mode == Mode.HYBRID && neighbourhood.server() != null) {
            neighbourhood.server().send(new Announce(track));
        }
    }

    /** Plays {@code history} into the cache without fetching (a warm start); returns the tracks kept, oldest first. */
    public int[] warm(int[] history) {
        for (int t : history) {
            if (catalogue.valid(t)) {
                cache.add(t);
            }
        }
        return cache.keys();
    }

    public boolean playing() {
        return downloads.current != null;
    }

    public int neighbourCount() {
        return neighbourhood.count();
    }

    // ---- playing ----

    /**
     * Plays {@code track}; {@code next} is the track known to follow (-1 if none), which the
     * hybrid prefetches. The future completes when the track has played to its end.
     */
    public CompletableFuture<PlayRecord> play(int track, int next) {
        return play(track, next, ListeningSession.WHOLE);
    }

    /**
     * As {@link #play(int, int)}, but the listener skips to whatever comes next {@code listenNanos}
     * after the audio started (if that is before the end): the play's outstanding requests are
     * cancelled, and the future completes then.
     */
    public CompletableFuture<PlayRecord> play(int track, int next, long listenNanos) {
        if (!catalogue.valid(track)) {
            throw new OverlayException("there is no track " + track + "; tracks are 0.." + (catalogue.tracks() - 1));
        }
        if (downloads.current != null) {
            throw new OverlayException("this listener is playing track " + downloads.current.track + "; wait until it ends");
        }
        long now = node.clock().nanos();
        playDone = new CompletableFuture<>();
        TrackFetch f = prefetcher.take(track);
        if (f == null) {
            f = new TrackFetch(track, catalogue);
            if (cache.touch(track)) {
                java.util.Arrays.fill(f.have, true);
                f.haveCount = f.have.length;
                f.bytes[SourceKind.CACHE.ordinal()] = catalogue.trackBytes();
            }
        }
        downloads.current = f;
        f.playback = new Playback(catalogue, now, startup);
        f.listenNanos = listenNanos;
        keys.ask(f);
        long fromDisk = now + startup.diskReadNanos(); // what the listener holds is read from its disk
        f.localStart = f.have[0];
        for (int i = 0; i < f.have.length; i++) {
            if (f.have[i]) {
                f.playback.arrived(i, fromDisk);
            }
        }
        progressed(f);
        if (!f.complete()) {
            if (mode == Mode.HYBRID && !f.searched) {
                search.search(f);
            }
            fetcher.pump(f);
        }
        prefetcher.plan(track, next);
        return playDone;
    }

    /** Follows a listening plan: each session starts at its time and plays its tracks in turn. */
    public void follow(List<ListeningSession> sessions) {
        plan.follow(sessions);
    }

    /** After chunks or the key came in for {@code f}: once its audio has started, its skip and end are known. */
    private void progressed(TrackFetch f) {
        if (f != downloads.current) {
            return;
        }
        Playback p = f.playback;
        if (p.complete()) {
            scheduleEnd();
        }
        if (skipTimer == null && p.started() && f.listenNanos < catalogue.durationNanos()) {
            long delay = Math.max(0, p.firstAudioAt() + f.listenNanos - node.clock().nanos());
            skipTimer = node.clock().scheduleNanos(delay, this::onSkip);
        }
    }

    private void scheduleEnd() {
        Playback p = downloads.current.playback;
        if (!p.complete()) {
            return; // the end is known once every chunk is in and audio has started
        }
        long delay = Math.max(0, p.endsAt() - node.clock().nanos());
        if (endTimer != null) {
            endTimer.cancel();
        }
        endTimer = node.clock().scheduleNanos(delay, this::onTrackEnd);
    }

    private void onTrackEnd() {
        endTimer = null;
        finish(false);
    }

    /**
     * The listener skips to the next play: what is still asked for this track is cancelled (as
     * Spotify's client does on a track change), and a partly fetched track is dropped — the cache
     * keeps only whole tracks, so nobody is ever served part of one. A track played from the cache
     * counts as read only up to the chunk playing at the skip.
     */
    private void onSkip() {
        skipTimer = null;
        TrackFetch current = downloads.current;
        fetcher.abandon(current);
        if (endTimer != null) {
            endTimer.cancel();
            endTimer = null;
        }
        Playback p = current.playback;
        int cached = SourceKind.CACHE.ordinal();
        if (current.bytes[cached] > 0) { // a cached track is read from disk as it plays: only what played counts
            long read = 0;
            for (int i = 0; i <= catalogue.chunkAt(p.positionAt(node.clock().nanos())); i++) {
                read += catalogue.chunkLength(i);
            }
            current.bytes[cached] = Math.min(read, catalogue.trackBytes());
        }
        finish(true);
    }

    private void finish(boolean skipped) {
        TrackFetch f = downloads.current;
        Playback p = f.playback;
        downloads.current = null;
        prefetcher.stop();
        if (skipTimer != null) {
            skipTimer.cancel();
            skipTimer = null;
        }
        f.cancelTimers();
        PlayRecord record = new PlayRecord(node.label(), f.track, p.playAt(), p.latencyNanos(), p.stutters(),
                p.stallNanos(), p.longestStallNanos(), f.bytes, f.localStart, skipped);
        log.played(record);
        playDone.complete(record);
    }

    // ---- what the transport tells us ----

    @Override
    public void onConnected(Link<StreamMessage> link) {
        if (neighbourhood.onConnected(link)) {
            downloads.all().forEach(fetcher::pump); // the server or edge is there: ask it
        }
    }

    @Override
    public void onMessage(Link<StreamMessage> link, StreamMessage m) {
        if (m instanceof Chunk c) {
            intake.receive(link, c);
        } else if (link.attachment() instanceof Neighbour n) {
            onNeighbourMessage(link, n, m);
        } else if (m instanceof Peers p) {
            search.onPeers(p);
        } else if (m instanceof Key k && link == neighbourhood.server()) {
            if (keys.arrived(downloads.current, k, node.clock().nanos())) {
                progressed(downloads.current); // audio may start (if its start buffer is in too)
            }
        } else if (m instanceof Refuse r) {
            fetcher.onRefuse(link, r);
        }
    }

    private void onNeighbourMessage(Link<StreamMessage> link, Neighbour n, StreamMessage m) {
        if (m instanceof Request r) {
            uploads.onRequest(link, n, r);
        } else if (m instanceof Cancel x) {
            uploads.onCancel(n, x.track());
        } else if (m instanceof Hello h) {
            n.listening = new Address(link.remote().host(), h.port());
        } else if (m instanceof Search s) {
            search.onSearch(link, s);
        } else if (m instanceof Found f) {
            search.onFound(f);
        } else if (m instanceof Refuse r) {
            fetcher.onRefuse(link, r);
        }
    }

    @Override
    public void onWritable(Link<StreamMessage> link) {
        if (link.attachment() instanceof Neighbour n) {
            uploads.drain(link, n);
        }
    }

    @Override
    public void onClosed(Link<StreamMessage> link, String reason) {
        if (neighbourhood.onClosed(link) && keys.serverLost(downloads.current, node.clock().nanos())) {
            progressed(downloads.current);
        }
        uploads.onClosed(link);
        fetcher.onClosed(link);
    }

    /** Stops every timer (the peer is being killed or the network closed). */
    public void stop() {
        for (TrackFetch f : downloads.all()) {
            f.cancelTimers();
        }
        if (endTimer != null) {
            endTimer.cancel();
        }
        prefetcher.stop();
        if (skipTimer != null) {
            skipTimer.cancel();
        }
    }
}
