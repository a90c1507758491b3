package p2plab.napster.peer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import p2plab.common.collect.ArrayMap;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.metrics.Metrics;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.TransferResult;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.PeerHandler;
import p2plab.napster.wire.ContentIdCache;
import p2plab.napster.wire.NapMessage;
import p2plab.napster.wire.NapMessage.Browse;
import p2plab.napster.wire.NapMessage.BrowseEnd;
import p2plab.napster.wire.NapMessage.BrowseResult;
import p2plab.napster.wire.NapMessage.ChunkAck;
import p2plab.napster.wire.NapMessage.DownloadAck;
import p2plab.napster.wire.NapMessage.DownloadRequest;
import p2plab.napster.wire.NapMessage.LoginError;
import p2plab.napster.wire.NapMessage.ErrorMessage;
import p2plab.napster.wire.NapMessage.Get;
import p2plab.napster.wire.NapMessage.GetError;
import p2plab.napster.wire.NapMessage.Invalid;
import p2plab.napster.wire.NapMessage.Login;
import p2plab.napster.wire.NapMessage.LoginAck;
import p2plab.napster.wire.NapMessage.Ping;
import p2plab.napster.wire.NapMessage.Search;
import p2plab.napster.wire.NapMessage.SearchEnd;
import p2plab.napster.wire.NapMessage.Share;
import p2plab.napster.wire.NapMessage.Unshare;

/**
 * A Napster peer: it logs in to the index server, tells it what it shares, searches through
 * it, and exchanges file bytes directly with other peers.
 *
 * <p>Its link to the server is its only way to find anything. When that link drops, pending
 * searches fail at once with "index server unreachable", and the peer tries to log in again
 * every {@link PeerSettings#retryInterval()}; once back in, it shares everything again, so a
 * restarted server rebuilds its index without anyone typing a command. Downloads already
 * running between peers do not need the server and carry on.
 *
 * <p>Every method runs on the peer's own thread (the caller uses {@link Node#execute}).
 */
public final class NapsterPeer implements PeerHandler<NapMessage> {
    /**
     * Searches whose hits a peer remembers for later downloads. Kept as the searches' own lists,
     * not regrouped by file: regrouping cost a hash-map insert per hit on every search (JFR).
     */
    private static final int REMEMBERED_SEARCHES = 16;
    /** Enough for the popular files of a catalogue; 2 KiB to 4 KiB per peer that searches. */
    private static final int CONTENT_ID_SLOTS = 512;
    private static final String CLIENT = "p2plab";

    private final Address server;
    private final PeerSettings settings;
    private final Metrics metrics;
    /**
     * Shared files by name. The network that built the peer holds this same map, to revive the
     * peer with its files (one map for both: a million peers share a handful of files each), so
     * every use locks it.
     */
    private final Map<String, Content> shared;
    /** What this peer asked and got: made at its first search, browse or download (most simulated peers never ask). */
    private Calls calls;
    private Node<NapMessage> node;
    private Link<NapMessage> serverLink;   // open, logged in or logging in
    private Cancellable heartbeat = Cancellable.NONE;
    private Cancellable retry = Cancellable.NONE;
    private boolean connecting;
    private long searchSeq;
    private static final String NOT_YET = "not logged in yet";
    private String lastServerProblem = NOT_YET;
    // Read by other threads (topology, stats); written only on this peer's thread.
    private volatile boolean loggedIn;
    private volatile int uploads;
    private volatile int downloads;
    private volatile int logins;

    public NapsterPeer(Address server, PeerSettings settings, Metrics metrics) {
        this(server, settings, metrics, new ArrayMap<>());
    }

    /**
     * A peer sharing what {@code shared} holds once it starts; the caller may keep the map (to
     * revive the peer with its files) if it locks it around every use.
     */
    public NapsterPeer(Address server, PeerSettings settings, Metrics metrics, Map<String, Content> shared) {
        this.server = server;
        this.settings = settings;
        this.metrics = metrics;
        this.shared = shared;
    }

    /** The node this peer runs on; call right after opening it, before anyone connects. */
    public void bind(Node<NapMessage> peerNode) {
        this.node = peerNode;
    }

    /** Starts logging in; call on the peer's thread. */
    public void start() {
        connectToServer();
    }

    // ---- state, readable from any thread ----

    public boolean loggedIn() {
        return loggedIn;
    }

    public int shareCount() {
        synchronized (shared) {
            return shared.size();
        }
    }

    public int activeUploads() {
        return uploads;
    }

    public int activeDownloads() {
        return downloads;
    }

    /** How many times this peer has logged in (a re-login after a server restart counts). */
    public int logins() {
        return logins;
    }

    // ---- user commands (on the peer's thread) ----

    /** Shares {@code content} under its name; sent to the server now if logged in, else at the next login. */
    public void share(Content content) {
        if (content.name().indexOf('"') >= 0) {
            throw new IllegalArgumentException("file names may not contain double quotes: " + content.name());
        }
        synchronized (shared) {
            shared.put(content.name(), content);
            if (loggedIn) {
                sendShare(content);
            }
        }
    }

    /** Stops sharing the file named {@code name}; false if it was not shared. */
    public boolean unshare(String name) {
        synchronized (shared) {
            if (shared.remove(name) == null) {
                return false;
            }
            if (loggedIn) {
                serverLink.send(new Unshare(name));
            }
        }
        return true;
    }

    // ---- for the owner of the shared map, which changes it from its own thread ----

    /**
     * The number of the login this peer is in (1 for its first), or 0 if it is not logged in.
     * Read it under the shared map's lock, with the change: a login sends the whole map under
     * that lock, so a change made before it needs no message of its own.
     */
    public int currentLogin() {
        return loggedIn ? logins : 0;
    }

    /** The owner shared {@code content} during login {@code login}: tells the server, unless a later login sent the map. */
    public void announceShare(Content content, int login) {
        synchronized (shared) {
            if (loggedIn && logins == login && shared.get(content.name()) == content) {
                sendShare(content);
            }
        }
    }

    /** The owner unshared {@code name} during login {@code login}: tells the server, unless a later login sent the map. */
    public void announceUnshare(String name, int login) {
        synchronized (shared) {
            if (loggedIn && logins == login && !shared.containsKey(name)) {
                serverLink.send(new Unshare(name));
            }
        }
    }

    public CompletableFuture<SearchResult> search(Query query) {
        return search(query, String.join(" ", query.keywords()));
    }

    /** A search whose keywords the caller already joined ({@code Query.keywords()} parses the text each call). */
    public CompletableFuture<SearchResult> search(Query query, String keywords) {
        if (!loggedIn) {
            return CompletableFuture.failedFuture(unreachable());
        }
        String id = nick() + "." + (++searchSeq);
        SearchCall call = new SearchCall(id, PeerId.parse(nick()), query, metrics, now());
        calls().searches.put(id, call);
        call.timeout = node.clock().schedule(settings.searchTimeout(), () -> endSearch(call, true));
        serverLink.send(new Search(id, keywords, settings.maxResults()));
        return call.future;
    }

    /**
     * Downloads {@code id} (named {@code name}, {@code size} bytes) from a peer that shares it:
     * one found by an earlier search if there is one, else one a new search finds.
     */
    public CompletableFuture<TransferResult> download(ContentId id, String name, long size, DownloadProgress progress) {
        List<Hit> known = knownHolders(id);
        Download d = new Download(this, id, name, size, known, progress);
        downloads++;
        d.start();
        return d.future;
    }

    /** The files {@code nick} shares, as the server lists them. */
    public CompletableFuture<List<Hit>> browse(String nick) {
        if (!loggedIn) {
            return CompletableFuture.failedFuture(unreachable());
        }
        BrowseCall call = new BrowseCall(nick);
        calls().browses.add(call);
        serverLink.send(new Browse(nick));
        return call.future;
    }

    /** A file this peer downloaded and verified, or null. */
    public Content downloaded(ContentId id) {
        return calls == null ? null : calls.received.get(id);
    }

    /** Stops the timers (the node is going away). */
    public void stop() {
        heartbeat.cancel();
        retry.cancel();
    }

    // ---- the server connection ----

    private void connectToServer() {
        if (connecting || serverLink != null || !node.isAlive()) {
            return;
        }
        connecting = true;
        node.connect(server).whenComplete((link, error) -> {
            connecting = false;
            if (error != null) {
                lastServerProblem = "cannot connect to " + server;
                scheduleRetry();
                return;
            }
            serverLink = link;
            link.attach(ServerRole.INSTANCE);
            link.send(new Login(nick(), "x", node.address().port(), CLIENT, 0));
        });
    }

    private void scheduleRetry() {
        retry.cancel();
        retry = node.clock().schedule(settings.retryInterval(), this::connectToServer);
    }

    private void onServerMessage(NapMessage message) {
        if (message instanceof LoginAck) {
            onLoggedIn();
        } else if (message instanceof LoginError e) {
            lastServerProblem = "login refused: " + e.text();
            serverLink.close();
        } else if (message instanceof ErrorMessage e) {
            lastServerProblem = "server error: " + e.text();
        } else if (calls != null) {
            onAnswer(message); // answers to nothing asked are dropped
        }
    }

    /** An answer to a search, download request or browse of ours. */
    private void onAnswer(NapMessage message) {
        Calls c = calls;
        if (message instanceof NapMessage.SearchResult r) {
            SearchCall call = c.searches.get(r.searchId());
            if (call != null) {
                call.onResult(r, c.contentIds.of(r.hash()), now(), settings.maxResults());
            }
        } else if (message instanceof SearchEnd e) {
            SearchCall call = c.searches.get(e.searchId());
            if (call != null) {
                endSearch(call, false);
            }
        } else if (message instanceof DownloadAck ack) {
            CompletableFuture<DownloadAck> waiting = c.downloadRequests.poll();
            if (waiting != null) {
                waiting.complete(ack);
            }
        } else if (message instanceof GetError) {
            CompletableFuture<DownloadAck> waiting = c.downloadRequests.poll();
            if (waiting != null) {
                waiting.complete(null);
            }
        } else if (message instanceof BrowseResult r) {
            BrowseCall call = c.browses.peek();
            if (call != null) {
                call.add(r);
            }
        } else if (message instanceof BrowseEnd) {
            BrowseCall call = c.browses.poll();
            if (call != null) {
                call.future.complete(call.files);
            }
        }
    }

    private void onLoggedIn() {
        lastServerProblem = "";
        synchronized (shared) { // see currentLogin()
            logins++;
            loggedIn = true;
            for (Content c : shared.values()) {
                sendShare(c);
            }
        }
        heartbeat.cancel();
        heartbeat = node.clock().every(settings.heartbeatInterval(), () -> {
            if (serverLink != null) {
                serverLink.send(new Ping());
            }
        });
    }

    private void onServerLost(String reason) {
        serverLink = null;
        loggedIn = false;
        heartbeat.cancel();
        lastServerProblem = reason;
        if (calls != null) {
            calls.failAll(unreachable());
        }
        scheduleRetry();
    }

    private void sendShare(Content c) {
        serverLink.send(new Share(c.name(), c.id().hex(), c.size()));
    }

    private void endSearch(SearchCall call, boolean timedOut) {
        if (calls == null || calls.searches.remove(call.id) == null) {
            return;
        }
        if (!call.hits().isEmpty()) {
            calls.recentHits.addFirst(call.hits()); // no more results arrive for it: the list is final
            if (calls.recentHits.size() > REMEMBERED_SEARCHES) {
                calls.recentHits.removeLast();
            }
        }
        call.finish(now(), timedOut, server.toString());
    }

    /** The holders of {@code id} that the latest search to find it reported, or none. */
    private List<Hit> knownHolders(ContentId id) {
        if (calls == null) {
            return List.of();
        }
        for (List<Hit> hits : calls.recentHits) {
            List<Hit> holders = new ArrayList<>();
            for (Hit h : hits) {
                if (h.content().equals(id)) {
                    holders.add(h);
                }
            }
            if (!holders.isEmpty()) {
                return holders;
            }
        }
        return List.of();
    }

    OverlayException unreachable() {
        if (lastServerProblem.equals(NOT_YET)) {
            return new OverlayException("peer " + node.label().substring(1) + " is still logging in to the index server at "
                    + server + "; try again in a moment (`wait 1s`)");
        }
        return new OverlayException("index server unreachable: peer " + node.label().substring(1)
                + " is not logged in to the server at " + server
                + (lastServerProblem.isEmpty() ? "" : " (" + lastServerProblem + ")")
                + "; it retries every " + settings.retryInterval().toMillis() + " ms; if the server (peer 0) is down, `peer revive 0` brings it back");
    }

    /** Asks the server where {@code nick} serves {@code file}: the 204 answer, or null for a 206. */
    CompletableFuture<DownloadAck> requestDownload(String nick, String file) {
        if (!loggedIn) {
            return CompletableFuture.failedFuture(unreachable());
        }
        CompletableFuture<DownloadAck> answer = new CompletableFuture<>();
        calls().downloadRequests.add(answer);
        serverLink.send(new DownloadRequest(nick, file));
        return answer;
    }

    // ---- transport events ----

    @Override
    public void onMessage(Link<NapMessage> link, NapMessage message) {
        Object role = link.attachment();
        if (role == ServerRole.INSTANCE) {
            onServerMessage(message);
        } else if (role instanceof Download d) {
            d.onMessage(message);
        } else if (role instanceof Upload u) {
            if (message instanceof ChunkAck) {
                u.onAck();
            }
        } else if (message instanceof Get get) {
            onGet(link, get);
        } else if (message instanceof Invalid bad) {
            link.send(new ErrorMessage(bad.reason()));
            link.close();
        } else if (role == null && !link.outbound()) {
            link.send(new ErrorMessage("a data connection starts with Get (type 3000), not " + message.type().label()));
            link.close();
        }
    }

    private void onGet(Link<NapMessage> link, Get get) {
        Content content;
        synchronized (shared) {
            content = shared.get(get.file());
        }
        if (content == null) {
            link.send(new ErrorMessage(nick() + " does not share \"" + get.file() + "\""));
            link.close();
            return;
        }
        if (get.offset() > content.size()) {
            link.send(new ErrorMessage("offset " + get.offset() + " is past the end of \"" + get.file() + "\""));
            link.close();
            return;
        }
        Upload upload = new Upload(link, content, get.offset(), settings.chunkSize(), settings.window());
        link.attach(upload);
        uploads++;
        upload.start();
    }

    @Override
    public void onClosed(Link<NapMessage> link, String reason) {
        Object role = link.attachment();
        if (role == ServerRole.INSTANCE && link == serverLink) {
            onServerLost(reason);
        } else if (role == ServerRole.INSTANCE) {
            return; // an older server link
        } else if (role instanceof Download d) {
            d.onClosed(reason);
        } else if (role instanceof Upload) {
            uploads--;
        }
    }

    // ---- for Download ----

    String nick() {
        return node.label();
    }

    Node<NapMessage> node() {
        return node;
    }

    PeerSettings settings() {
        return settings;
    }

    long now() {
        return node.clock().nanos();
    }

    void keep(Content content) {
        calls().received.put(content.id(), content);
    }

    void downloadEnded(Download d) {
        downloads--;
    }

    private Calls calls() {
        if (calls == null) {
            calls = new Calls();
        }
        return calls;
    }

    /** Marks the link to the index server. */
    private enum ServerRole { INSTANCE }

    /** Searches, download requests and browses waiting for the server, and what came of them. */
    private static final class Calls {
        final Map<String, SearchCall> searches = new ArrayMap<>(); // a few at a time
        final Queue<CompletableFuture<DownloadAck>> downloadRequests = new ArrayDeque<>(0);
        final Queue<BrowseCall> browses = new ArrayDeque<>(0);
        final Map<ContentId, Content> received = new ArrayMap<>();
        final ContentIdCache contentIds = new ContentIdCache(CONTENT_ID_SLOTS);
        /** Hit lists of the latest searches, newest first: where a download looks for holders. */
        final ArrayDeque<List<Hit>> recentHits = new ArrayDeque<>(0);

        /** The server is gone: every call waiting for it fails with {@code error}. */
        void failAll(OverlayException error) {
            for (SearchCall call : new ArrayList<>(searches.values())) {
                searches.remove(call.id);
                call.fail(error);
            }
            for (CompletableFuture<DownloadAck> waiting : downloadRequests) {
                waiting.completeExceptionally(error);
            }
            downloadRequests.clear();
            for (BrowseCall call : browses) {
                call.future.completeExceptionally(error);
            }
            browses.clear();
        }
    }

    /**
     * Files one browse keeps: a server lists a session's files, and OpenNap servers cap a
     * session's shares at a few thousand (ours: {@code maxShared}, 5,000 by default); beyond
     * this a server cannot make a browse hold more.
     */
    static final int MAX_BROWSE_FILES = 10_000;

    /** One browse in progress. */
    private static final class BrowseCall {
        final String nick;
        final List<Hit> files = new ArrayList<>();
        final CompletableFuture<List<Hit>> future = new CompletableFuture<>();

        BrowseCall(String nick) {
            this.nick = nick;
        }

        void add(BrowseResult r) {
            if (files.size() >= MAX_BROWSE_FILES) {
                return;
            }
            try {
                files.add(new Hit(PeerId.parse(r.nick()), new ContentId(r.hash()), r.file(), r.size(), 1));
            } catch (IllegalArgumentException e) {
                // a nickname from outside this lab: no peer id to show
            }
        }
    }
}
