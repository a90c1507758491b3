package p2plab.streaming.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.PeerHandler;
import p2plab.common.overlay.OverlayException;
import p2plab.streaming.measure.PlayLog;
import p2plab.streaming.measure.PlayRecord;
import p2plab.streaming.media.Connection;
import p2plab.streaming.media.LruSet;
import p2plab.streaming.media.Playback;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.media.Startup;
import p2plab.streaming.media.TcpArrivals;
import p2plab.streaming.media.TcpModel;
import p2plab.streaming.media.TrackCatalogue;
import p2plab.streaming.policy.RescuePolicy;
import p2plab.streaming.policy.RescuePolicy.NextTrack;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamingCodec;
import p2plab.streaming.wire.StreamMessage.Announce;
import p2plab.streaming.wire.StreamMessage.Cancel;
import p2plab.streaming.wire.StreamMessage.Chunk;
import p2plab.streaming.wire.StreamMessage.Found;
import p2plab.streaming.wire.StreamMessage.Hello;
import p2plab.streaming.wire.StreamMessage.Key;
import p2plab.streaming.wire.StreamMessage.KeyRequest;
import p2plab.streaming.wire.StreamMessage.Lookup;
import p2plab.streaming.wire.StreamMessage.Peers;
import p2plab.streaming.wire.StreamMessage.Refuse;
import p2plab.streaming.wire.StreamMessage.Request;
import p2plab.streaming.wire.StreamMessage.Search;

/**
 * A listener: plays tracks, fetching them from the origin (server mode), its nearest edge
 * (CDN) or, in the hybrid, from the server for the start and from peers for the rest; keeps
 * played tracks in an LRU cache and serves them to other listeners through a few upload slots.
 *
 * <p>Sans-IO: it hears messages and timers and acts through its {@link Node}. The policy
 * numbers are {@link ClientSettings}; the two rescue decisions are a {@link RescuePolicy}.
 */
public final class Listener implements PeerHandler<StreamMessage> {
    /** The policy is asked about the next track once a second during the last this many seconds. */
    public static final double PREFETCH_WINDOW_SECONDS = 45;
    private static final int MAX_SEARCH_ROUTES = 1_024;
    private static final long SECOND = 1_000_000_000L;
    /**
     * Answers to a search come back within its timeout (half a second by default): a route is
     * kept this long, so that a day of searches does not fill every listener's table.
     */
    private static final long ROUTE_NANOS = 10 * SECOND;

    private final TrackCatalogue catalogue;
    private final ClientSettings settings;
    private final Startup startup;
    private final TcpModel tcp;
    private final Mode mode;
    private final RescuePolicy policy;
    private final PlayLog log;
    private final Address server;
    private final Address edge;
    private final LruSet<Integer> cache;
    /** The neighbour a search came from, to send answers back, and when it came. */
    private record Route(Link<StreamMessage> back, long at) {
    }

    /** Search id -> its route, oldest first; bounded, and routes older than {@link #ROUTE_NANOS} forgotten. */
    private final LinkedHashMap<Long, Route> searchRoutes = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Route> eldest) {
            return size() > MAX_SEARCH_ROUTES;
        }
    };
    private final Map<Address, CompletableFuture<Link<StreamMessage>>> dialling = new LinkedHashMap<>();
    private final ArrayDeque<ListeningSession> sessions = new ArrayDeque<>();
    /**
     * Links to other listeners, in the order they opened (as {@code node.links()} lists them,
     * without copying that list at every search); closed ones leave at {@code onClosed}.
     */
    private final List<Link<StreamMessage>> neighbourLinks = new ArrayList<>();
    private Node<StreamMessage> node;
    private Link<StreamMessage> serverLink;
    private Link<StreamMessage> edgeLink;
    private boolean online = true;
    private int slotsInUse;

    private TrackFetch current;
    private TrackFetch prefetch;
    private int nextTrack = -1;
    private CompletableFuture<PlayRecord> playDone;
    private Cancellable endTimer;
    /** Ends the current play early: the listener skips to the next one. */
    private Cancellable skipTimer;
    /** Numbers key requests, so that the answer to a skipped play's request does not start a replay of its track. */
    private int keyRequests;
    private Cancellable policyTimer;
    private ListeningSession session;
    private int sessionIndex;

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
        this.cache = new LruSet<>(settings.cacheTracks());
    }

    public void bind(Node<StreamMessage> node) {
        this.node = node;
    }

    /** Connects to the origin (the tracker, in the hybrid) and, in a CDN, to the edge. */
    public void start() {
        timeRoundTrip(node.connect(server));
        if (mode == Mode.CDN && edge != null) {
            timeRoundTrip(node.connect(edge));
        }
    }

    /** A connection opens one round trip after it was asked for: that is its RTT for the TCP model. */
    private CompletableFuture<Link<StreamMessage>> timeRoundTrip(CompletableFuture<Link<StreamMessage>> connecting) {
        long asked = node.clock().nanos();
        return connecting.whenComplete((link, error) -> {
            if (link != null && link.attachment() instanceof Connection c) {
                c.arrivals.roundTrip(node.clock().nanos() - asked);
            }
        });
    }

    /** Puts {@code track} in the cache as if played before (a warm cache, for scenarios). */
    public void preload(int track) {
        cache.add(track);
        if (mode == Mode.HYBRID && serverLink != null) {
            serverLink.send(new Announce(track));
        }
    }

    /** Plays {@code history} into the cache without fetching (a warm start); returns the tracks kept, oldest first. */
    public int[] warm(int[] history) {
        for (int t : history) {
            if (catalogue.valid(t)) {
                cache.add(t);
            }
        }
        return cache.keys().stream().mapToInt(Integer::intValue).toArray();
    }

    public boolean holds(int track) {
        return cache.contains(track);
    }

    public boolean playing() {
        return current != null;
    }

    public int neighbourCount() {
        return neighbours().size();
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
        if (current != null) {
            throw new OverlayException("this listener is playing track " + current.track + "; wait until it ends");
        }
        long now = node.clock().nanos();
        playDone = new CompletableFuture<>();
        nextTrack = next;
        TrackFetch f;
        if (prefetch != null && prefetch.track == track) {
            f = prefetch;
            prefetch = null;
        } else {
            if (prefetch != null) {
                abandon(prefetch);
                prefetch = null;
            }
            f = new TrackFetch(track, catalogue);
            if (cache.touch(track)) {
                java.util.Arrays.fill(f.have, true);
                f.haveCount = f.have.length;
                f.bytes[SourceKind.CACHE.ordinal()] = catalogue.trackBytes();
            }
        }
        current = f;
        f.playback = new Playback(catalogue, now, startup);
        f.listenNanos = listenNanos;
        if (startup.keyFetch() && serverLink != null && serverLink.isOpen()) {
            f.keyId = keyRequests++;
            f.playback.awaitKey(); // a round trip to the origin, in parallel with the disk or the first chunk
            serverLink.send(new KeyRequest(f.keyId, track));
        }
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
                search(f);
            }
            pump(f);
        }
        if (mode == Mode.HYBRID && next >= 0 && next != track) {
            long untilWindow = catalogue.durationNanos() - (long) (PREFETCH_WINDOW_SECONDS * SECOND);
            policyTimer = node.clock().scheduleNanos(Math.max(0, untilWindow), this::onPolicyTick);
        }
        return playDone;
    }

    /** Follows a listening plan: each session starts at its time and plays its tracks in turn. */
    public void follow(List<ListeningSession> plan) {
        sessions.addAll(plan);
        scheduleNextSession();
    }

    private void scheduleNextSession() {
        ListeningSession s = sessions.poll();
        if (s == null) {
            return;
        }
        long delay = Math.max(0, s.startNanos() - node.clock().nanos());
        node.clock().scheduleNanos(delay, () -> {
            online = true;
            session = s;
            sessionIndex = 0;
            playFromSession();
        });
    }

    private void playFromSession() {
        if (current != null) {
            return;
        }
        int i = sessionIndex;
        int next = i + 1 < session.tracks().length && session.predictable()[i + 1] ? session.tracks()[i + 1] : -1;
        play(session.tracks()[i], next, session.listenNanos()[i]).thenRun(() -> {
            sessionIndex++;
            if (sessionIndex < session.tracks().length) {
                playFromSession();
            } else {
                session = null;
                goOffline();
                scheduleNextSession();
            }
        });
    }

    /** Leaves the overlay between sessions: stops serving and drops its neighbours (the cache stays). */
    private void goOffline() {
        online = false;
        for (Link<StreamMessage> l : neighbours()) {
            l.close();
        }
    }

    /** After chunks or the key came in for {@code f}: once its audio has started, its skip and end are known. */
    private void progressed(TrackFetch f) {
        if (f != current) {
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
        Playback p = current.playback;
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
        abandon(current);
        if (endTimer != null) {
            endTimer.cancel();
            endTimer = null;
        }
        Playback p = current.playback;
        int cache = SourceKind.CACHE.ordinal();
        if (current.bytes[cache] > 0) { // a cached track is read from disk as it plays: only what played counts
            long read = 0;
            for (int i = 0; i <= catalogue.chunkAt(p.positionAt(node.clock().nanos())); i++) {
                read += catalogue.chunkLength(i);
            }
            current.bytes[cache] = Math.min(read, catalogue.trackBytes());
        }
        finish(true);
    }

    private void finish(boolean skipped) {
        TrackFetch f = current;
        Playback p = f.playback;
        current = null;
        if (policyTimer != null) {
            policyTimer.cancel();
            policyTimer = null;
        }
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

    private void onPolicyTick() {
        policyTimer = null;
        if (current == null || nextTrack < 0) {
            return;
        }
        long left = catalogue.durationNanos() - current.playback.positionAt(node.clock().nanos());
        TrackFetch n = prefetch != null && prefetch.track == nextTrack ? prefetch : null;
        boolean inCache = n == null && cache.contains(nextTrack);
        if (!inCache) {
            NextTrack view = new NextTrack(left / 1e9, n != null && n.searched, n != null && n.searchDone,
                    n == null ? 0 : n.holders.size(), n != null && n.anyAsked());
            switch (policy.prefetch(view)) {
                case SEARCH -> search(prefetchFor(nextTrack));
                case FETCH_FROM_SERVER -> {
                    TrackFetch p = prefetchFor(nextTrack);
                    p.serverHead = true;
                    pump(p);
                }
                case WAIT -> { }
            }
        }
        if (left > 0) {
            policyTimer = node.clock().scheduleNanos(SECOND, this::onPolicyTick);
        }
    }

    private TrackFetch prefetchFor(int track) {
        if (prefetch == null || prefetch.track != track) {
            if (prefetch != null) {
                abandon(prefetch);
            }
            prefetch = new TrackFetch(track, catalogue);
        }
        return prefetch;
    }

    private void abandon(TrackFetch f) {
        f.cancelTimers();
        for (Link<StreamMessage> l : node.links()) {
            if (f.waitsOn(l)) {
                l.send(new Cancel(f.track));
            }
        }
    }

    // ---- fetching ----

    /** Asks for what is missing: peers first (hybrid), then the server or edge within its horizon. */
    private void pump(TrackFetch f) {
        if (f.complete()) {
            return;
        }
        long now = node.clock().nanos();
        long position = f.playback != null ? f.playback.positionAt(now) : 0;
        long head = (long) (settings.serverHeadSeconds() * SECOND);
        if (mode == Mode.HYBRID) {
            askPeers(f, f.playback != null || f.serverHead ? chunkFrom(head) : 0);
        }
        long horizon = serverHorizon(f, position, head);
        Link<StreamMessage> source = mode == Mode.CDN ? edgeLink : serverLink;
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
                    requesting(source);
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

    /** About to ask {@code link} for chunks: tells its TCP model whether the sender was idle. */
    private void requesting(Link<StreamMessage> link) {
        if (link.attachment() instanceof Connection c) {
            boolean waiting = current != null && current.waitsOn(link) || prefetch != null && prefetch.waitsOn(link);
            c.arrivals.requested(node.clock().nanos(), waiting);
        }
    }

    /** The first chunk that starts at or after audio position {@code nanos}. */
    private int chunkFrom(long nanos) {
        int c = catalogue.chunkAt(nanos);
        return catalogue.positionNanos(c) < nanos ? c + 1 : c;
    }

    /** How far (in audio nanoseconds) the server or edge may be asked for this fetch now. */
    private long serverHorizon(TrackFetch f, long position, long head) {
        long ahead = (long) (settings.aheadSeconds() * SECOND);
        if (mode != Mode.HYBRID) {
            return position + ahead;
        }
        if (f.playback == null) {
            return f.serverHead ? head : 0;
        }
        boolean peersMayServe = !f.searchDone || !f.holders.isEmpty();
        long limit = peersMayServe ? (long) (settings.serverAheadSeconds() * SECOND) : ahead;
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
            if (f == current || f == prefetch) {
                pump(f);
            }
        });
    }

    private void askPeers(TrackFetch f, int from) {
        int serving = 0;
        List<Link<StreamMessage>> idle = new ArrayList<>();
        for (Address holder : List.copyOf(f.holders)) {
            if (serving + idle.size() >= settings.peersPerTrack()) {
                break;
            }
            Link<StreamMessage> l = linkTo(holder);
            if (l == null) {
                dial(holder, f);
                serving++; // counts against the limit while it connects
            } else if (f.waitsOn(l)) {
                serving++;
            } else {
                idle.add(l);
            }
        }
        for (Link<StreamMessage> l : idle) {
            int first = -1;
            int count = 0;
            for (int i = from; i < f.have.length && count < settings.peerBatchChunks(); i++) {
                if (!f.have[i] && f.askedFrom[i] == null) {
                    if (first < 0) {
                        first = i;
                        requesting(l);
                    }
                    f.ask(i, l);
                    count++;
                } else if (first >= 0) {
                    break;
                }
            }
            if (count == 0) {
                return;
            }
            Neighbour n = (Neighbour) l.attachment();
            n.lastHeardNanos = node.clock().nanos();
            n.lastUsedNanos = n.lastHeardNanos;
            l.send(new Request(f.track, first, count));
            startWatchdog(f);
        }
    }

    private void startWatchdog(TrackFetch f) {
        if (f.watchdog == null) {
            f.watchdog = node.clock().scheduleNanos((long) (settings.watchdogSeconds() * SECOND), () -> onWatchdog(f));
        }
    }

    /** Asks the policy about each peer that holds chunks we wait for. */
    private void onWatchdog(TrackFetch f) {
        f.watchdog = null;
        if (f != current && f != prefetch) {
            return;
        }
        long now = node.clock().nanos();
        double buffered = f.playback != null ? f.playback.bufferedNanos(now) / 1e9 : 1e9;
        boolean waiting = false;
        for (Link<StreamMessage> l : neighbours()) {
            if (!f.waitsOn(l)) {
                continue;
            }
            Neighbour n = (Neighbour) l.attachment();
            if (policy.leavePeer((now - n.lastHeardNanos) / 1e9, buffered)) {
                l.send(new Cancel(f.track));
                dropHolder(f, l, n.listening);
            } else {
                waiting = true;
            }
        }
        pump(f);
        if (waiting || hasPeerRequests(f)) {
            startWatchdog(f);
        }
    }

    private boolean hasPeerRequests(TrackFetch f) {
        for (Object o : f.sources()) {
            if (o != serverLink && o != edgeLink) {
                return true;
            }
        }
        return false;
    }

    private void dropHolder(TrackFetch f, Link<StreamMessage> l, Address holder) {
        f.release(l);
        f.holders.remove(holder);
        f.dropped.add(holder);
    }

    private void search(TrackFetch f) {
        f.searched = true;
        f.searchId = node.random().nextLong();
        if (serverLink != null) {
            serverLink.send(new Lookup(f.track));
        }
        if (settings.searchDepth() > 0) {
            for (Link<StreamMessage> l : neighbours()) {
                l.send(new Search(f.searchId, f.track, settings.searchDepth()));
            }
        }
        node.clock().scheduleNanos((long) (settings.searchTimeoutSeconds() * SECOND), () -> {
            f.searchDone = true;
            if (f == current || f == prefetch) {
                pump(f);
            }
        });
    }

    private void addHolder(TrackFetch f, Address holder) {
        if (holder.equals(node.address()) || f.dropped.contains(holder) || f.holders.contains(holder)) {
            return;
        }
        f.holders.add(holder);
        pump(f);
    }

    // ---- connections ----

    private List<Link<StreamMessage>> neighbours() {
        List<Link<StreamMessage>> out = new ArrayList<>(neighbourLinks.size());
        for (Link<StreamMessage> l : neighbourLinks) {
            if (l.isOpen()) {
                out.add(l);
            }
        }
        return out;
    }

    private Link<StreamMessage> linkTo(Address a) {
        for (Link<StreamMessage> l : neighbourLinks) {
            if (l.isOpen() && a.equals(((Neighbour) l.attachment()).listening)) {
                return l;
            }
        }
        return null;
    }

    private void dial(Address holder, TrackFetch f) {
        if (dialling.containsKey(holder)) {
            return;
        }
        List<Link<StreamMessage>> all = neighbours();
        if (all.size() >= settings.softNeighbours()) {
            dropIdleNeighbour(all);
        }
        if (all.size() >= settings.hardNeighbours()) {
            dropHolder(f, null, holder);
            return;
        }
        CompletableFuture<Link<StreamMessage>> c = timeRoundTrip(node.connect(holder));
        dialling.put(holder, c);
        c.whenComplete((link, error) -> {
            dialling.remove(holder);
            if (error != null) {
                for (TrackFetch t : fetches()) {
                    dropHolder(t, null, holder);
                    pump(t);
                }
            } else {
                ((Neighbour) link.attachment()).listening = holder;
                for (TrackFetch t : fetches()) {
                    pump(t);
                }
            }
        });
    }

    /** Above the soft limit, closes the neighbour unused for longest that we do not wait on. */
    private void dropIdleNeighbour(List<Link<StreamMessage>> all) {
        Link<StreamMessage> oldest = null;
        for (Link<StreamMessage> l : all) {
            Neighbour n = (Neighbour) l.attachment();
            boolean busy = n.slot || fetches().stream().anyMatch(f -> f.waitsOn(l));
            if (!busy && (oldest == null || n.lastUsedNanos < ((Neighbour) oldest.attachment()).lastUsedNanos)) {
                oldest = l;
            }
        }
        if (oldest != null) {
            oldest.close();
        }
    }

    private List<TrackFetch> fetches() {
        List<TrackFetch> out = new ArrayList<>(2);
        if (current != null) {
            out.add(current);
        }
        if (prefetch != null) {
            out.add(prefetch);
        }
        return out;
    }

    @Override
    public void onConnected(Link<StreamMessage> link) {
        if (link.outbound() && link.remote().equals(server)) {
            serverLink = link;
            link.attach(withArrivals(new Connection(server)));
            link.send(new Hello(node.address().port()));
            fetches().forEach(this::pump);
            return;
        }
        if (link.outbound() && link.remote().equals(edge)) {
            edgeLink = link;
            link.attach(withArrivals(new Connection(edge)));
            fetches().forEach(this::pump);
            return;
        }
        if (!link.outbound() && (!online || mode != Mode.HYBRID || neighbours().size() >= settings.hardNeighbours())) {
            link.close();
            return;
        }
        Neighbour n = new Neighbour(link.remote());
        n.lastUsedNanos = node.clock().nanos();
        link.attach(withArrivals(n));
        neighbourLinks.add(link);
        if (link.outbound()) {
            link.send(new Hello(node.address().port()));
        }
    }

    private Connection withArrivals(Connection c) {
        c.arrivals = new TcpArrivals(tcp);
        return c;
    }

    @Override
    public void onMessage(Link<StreamMessage> link, StreamMessage m) {
        if (m instanceof Chunk c) {
            receive(link, c);
        } else if (link.attachment() instanceof Neighbour n) {
            onNeighbourMessage(link, n, m);
        } else if (m instanceof Peers p) {
            for (TrackFetch f : fetches()) {
                if (f.track == p.track()) {
                    p.holders().forEach(h -> addHolder(f, h));
                    if (p.holders().isEmpty() && neighbours().isEmpty()) {
                        f.searchDone = true;
                        pump(f);
                    }
                }
            }
        } else if (m instanceof Key k && link == serverLink) {
            onKey(k);
        } else if (m instanceof Refuse r) {
            onRefuse(link, r);
        }
    }

    /** The key of the current play is in: audio may start (if its start buffer is in too). */
    private void onKey(Key k) {
        if (current != null && current.keyId == k.id() && current.playback.waitsForKey()) {
            current.playback.keyArrived(node.clock().nanos());
            progressed(current);
        }
    }

    private void onNeighbourMessage(Link<StreamMessage> link, Neighbour n, StreamMessage m) {
        if (m instanceof Request r) {
            onPeerRequest(link, n, r);
        } else if (m instanceof Cancel x) {
            n.uploads.cancel(x.track());
            releaseSlotIfDone(n);
        } else if (m instanceof Hello h) {
            n.listening = new Address(link.remote().host(), h.port());
        } else if (m instanceof Search s) {
            onSearch(link, s);
        } else if (m instanceof Found f) {
            onFound(f);
        } else if (m instanceof Refuse r) {
            onRefuse(link, r);
        }
    }

    /** A chunk is in at the socket; TCP hands it to the player now or, after slow start or a lost segment, later. */
    private void receive(Link<StreamMessage> link, Chunk c) {
        long now = node.clock().nanos();
        long at = link.attachment() instanceof Connection conn
                ? conn.arrivals.handOver(now, c.length() + StreamingCodec.CHUNK_OVERHEAD, node.random()) : now;
        if (at <= now) {
            onChunk(link, c);
        } else {
            node.clock().scheduleNanos(at - now, () -> {
                if (link.isOpen()) {
                    onChunk(link, c); // a closed link's chunks were asked again elsewhere
                }
            });
        }
    }

    private void onChunk(Link<StreamMessage> link, Chunk c) {
        TrackFetch f = current != null && current.track == c.track() ? current
                : prefetch != null && prefetch.track == c.track() ? prefetch : null;
        if (f == null || c.index() < 0 || c.index() >= f.have.length || f.have[c.index()]) {
            log.wasted(c.length());
            return;
        }
        long now = node.clock().nanos();
        f.have[c.index()] = true;
        f.haveCount++;
        f.unask(c.index());
        SourceKind kind = link == serverLink ? SourceKind.SERVER : link == edgeLink ? SourceKind.EDGE : SourceKind.PEER;
        f.bytes[kind.ordinal()] += c.length();
        if (link.attachment() instanceof Neighbour n) {
            n.lastHeardNanos = now;
            n.lastUsedNanos = now;
        }
        if (f.playback != null) {
            f.playback.arrived(c.index(), now);
            progressed(f);
        }
        if (f.complete()) {
            f.cancelTimers();
            Integer evicted = cache.add(f.track);
            boolean kept = evicted == null || evicted != f.track;
            if (kept && mode == Mode.HYBRID && serverLink != null) {
                serverLink.send(new Announce(f.track));
            }
            return;
        }
        if (kind == SourceKind.PEER && !f.waitsOn(link)) {
            pump(f); // that peer's batch is done: give it the next one
        }
    }

    private void onRefuse(Link<StreamMessage> link, Refuse r) {
        for (TrackFetch f : fetches()) {
            if (f.track == r.track()) {
                if (link.attachment() instanceof Neighbour n) {
                    dropHolder(f, link, n.listening);
                } else {
                    f.release(link);
                }
                pump(f);
            }
        }
    }

    /** Another listener asks for chunks: serve only whole tracks we hold, through at most {@code uploadSlots} slots. */
    private void onPeerRequest(Link<StreamMessage> link, Neighbour n, Request r) {
        if (!online || !cache.contains(r.track()) || !catalogue.validRange(r.track(), r.first(), r.count())) {
            link.send(new Refuse(r.track(), r.first(), r.count(), false));
            return;
        }
        if (!n.slot && slotsInUse >= settings.uploadSlots()) {
            link.send(new Refuse(r.track(), r.first(), r.count(), true));
            return;
        }
        if (!n.uploads.add(r.track(), r.first(), r.count())) {
            link.send(new Refuse(r.track(), r.first(), r.count(), true));
            return;
        }
        if (!n.slot) {
            n.slot = true;
            slotsInUse++;
        }
        n.lastUsedNanos = node.clock().nanos();
        drain(link, n);
    }

    private void drain(Link<StreamMessage> link, Neighbour n) {
        n.uploads.drain(link, catalogue, (t, i) -> cache.contains(t), c -> { });
        releaseSlotIfDone(n);
    }

    private void releaseSlotIfDone(Neighbour n) {
        if (n.slot && n.uploads.isEmpty()) {
            n.slot = false;
            slotsInUse--;
        }
    }

    @Override
    public void onWritable(Link<StreamMessage> link) {
        if (link.attachment() instanceof Neighbour n) {
            drain(link, n);
        }
    }

    /** Overlay search: answer if we hold the track whole, pass it on while hops remain. */
    private void onSearch(Link<StreamMessage> from, Search s) {
        long now = node.clock().nanos();
        for (var it = searchRoutes.values().iterator(); it.hasNext() && now - it.next().at() > ROUTE_NANOS; ) {
            it.remove();
        }
        if (searchRoutes.containsKey(s.id()) || s.ttl() < 1 || !online) {
            return;
        }
        searchRoutes.put(s.id(), new Route(from, now));
        if (cache.contains(s.track())) {
            from.send(new Found(s.id(), s.track(), node.address()));
        }
        if (s.ttl() > 1) {
            Search onward = new Search(s.id(), s.track(), s.ttl() - 1);
            for (int i = 0; i < neighbourLinks.size(); i++) { // sending never closes a link here: no copy needed
                Link<StreamMessage> l = neighbourLinks.get(i);
                if (l != from && l.isOpen()) {
                    l.send(onward);
                }
            }
        }
    }

    private void onFound(Found found) {
        for (TrackFetch f : fetches()) {
            if (f.searchId == found.id() && f.track == found.track()) {
                addHolder(f, found.holder());
                return;
            }
        }
        Route route = searchRoutes.get(found.id());
        if (route != null && route.back().isOpen()) {
            route.back().send(found);
        }
    }

    @Override
    public void onClosed(Link<StreamMessage> link, String reason) {
        neighbourLinks.remove(link);
        if (link == serverLink) {
            serverLink = null;
            if (current != null && current.playback.waitsForKey()) {
                // no server, no key: the player goes on as if it held the key (see docs/streaming.md)
                current.playback.keyArrived(node.clock().nanos());
                progressed(current);
            }
        } else if (link == edgeLink) {
            edgeLink = null;
        }
        if (link.attachment() instanceof Neighbour n && n.slot) {
            n.slot = false;
            slotsInUse--;
        }
        for (TrackFetch f : fetches()) {
            if (f.waitsOn(link)) {
                if (link.attachment() instanceof Neighbour n) {
                    dropHolder(f, link, n.listening);
                } else {
                    f.release(link);
                }
                pump(f);
            }
        }
    }

    /** Stops every timer (the peer is being killed or the network closed). */
    public void stop() {
        for (TrackFetch f : fetches()) {
            f.cancelTimers();
        }
        if (endTimer != null) {
            endTimer.cancel();
        }
        if (policyTimer != null) {
            policyTimer.cancel();
        }
        if (skipTimer != null) {
            skipTimer.cancel();
        }
    }
}
