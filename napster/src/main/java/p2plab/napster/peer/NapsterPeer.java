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
    private final Map<String, Content> shared = new ArrayMap<>(); // a handful of files, held by a million peers
    private final Map<String, SearchCall> searches = new ArrayMap<>(); // a few at a time
    private final Queue<CompletableFuture<DownloadAck>> downloadRequests = new ArrayDeque<>(0);
    private final Queue<BrowseCall> browses = new ArrayDeque<>(0);
    private final Map<ContentId, Content> received = new ArrayMap<>();
    private final ContentIdCache contentIds = new ContentIdCache(CONTENT_ID_SLOTS);
    /** Hit lists of the latest searches, newest first: where a download looks for holders. */
    private final ArrayDeque<List<Hit>> recentHits = new ArrayDeque<>(0);
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
    private volatile int shareCount;
    private volatile int uploads;
    private volatile int downloads;
    private volatile int logins;

    public NapsterPeer(Address server, PeerSettings settings, Metrics metrics) {
        this.server = server;
        this.settings = settings;
        this.metrics = metrics;
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
        return shareCount;
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
        shared.put(content.name(), content);
        shareCount = shared.size();
        if (loggedIn) {
            sendShare(content);
        }
    }

    /** Stops sharing the file named {@code name}; false if it was not shared. */
    public boolean unshare(String name) {
        if (shared.remove(name) == null) {
            return false;
        }
        shareCount = shared.size();
        if (loggedIn) {
            serverLink.send(new Unshare(name));
        }
        return true;
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
        searches.put(id, call);
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
        browses.add(call);
        serverLink.send(new Browse(nick));
        return call.future;
    }

    /** A file this peer downloaded and verified, or null. */
    public Content downloaded(ContentId id) {
        return received.get(id);
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
        } else if (message instanceof NapMessage.SearchResult r) {
            SearchCall call = searches.get(r.searchId());
            if (call != null) {
                call.onResult(r, contentIds.of(r.hash()), now());
            }
        } else if (message instanceof SearchEnd e) {
            SearchCall call = searches.get(e.searchId());
            if (call != null) {
                endSearch(call, false);
            }
        } else if (message instanceof DownloadAck ack) {
            CompletableFuture<DownloadAck> waiting = downloadRequests.poll();
            if (waiting != null) {
                waiting.complete(ack);
            }
        } else if (message instanceof GetError) {
            CompletableFuture<DownloadAck> waiting = downloadRequests.poll();
            if (waiting != null) {
                waiting.complete(null);
            }
        } else if (message instanceof BrowseResult r) {
            BrowseCall call = browses.peek();
            if (call != null) {
                call.add(r);
            }
        } else if (message instanceof BrowseEnd) {
            BrowseCall call = browses.poll();
            if (call != null) {
                call.future.complete(call.files);
            }
        } else if (message instanceof LoginError e) {
            lastServerProblem = "login refused: " + e.text();
            serverLink.close();
        } else if (message instanceof ErrorMessage e) {
            lastServerProblem = "server error: " + e.text();
        }
    }

    private void onLoggedIn() {
        loggedIn = true;
        logins++;
        lastServerProblem = "";
        for (Content c : shared.values()) {
            sendShare(c);
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
        OverlayException error = unreachable();
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
        scheduleRetry();
    }

    private void sendShare(Content c) {
        serverLink.send(new Share(c.name(), c.id().hex(), c.size()));
    }

    private void endSearch(SearchCall call, boolean timedOut) {
        if (searches.remove(call.id) == null) {
            return;
        }
        if (!call.hits().isEmpty()) {
            recentHits.addFirst(call.hits()); // no more results arrive for it: the list is final
            if (recentHits.size() > REMEMBERED_SEARCHES) {
                recentHits.removeLast();
            }
        }
        call.finish(now(), timedOut, server.toString());
    }

    /** The holders of {@code id} that the latest search to find it reported, or none. */
    private List<Hit> knownHolders(ContentId id) {
        for (List<Hit> hits : recentHits) {
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
        downloadRequests.add(answer);
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
        Content content = shared.get(get.file());
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
        received.put(content.id(), content);
    }

    void downloadEnded(Download d) {
        downloads--;
    }

    /** Marks the link to the index server. */
    private enum ServerRole { INSTANCE }

    /** One browse in progress. */
    private static final class BrowseCall {
        final String nick;
        final List<Hit> files = new ArrayList<>();
        final CompletableFuture<List<Hit>> future = new CompletableFuture<>();

        BrowseCall(String nick) {
            this.nick = nick;
        }

        void add(BrowseResult r) {
            try {
                files.add(new Hit(PeerId.parse(r.nick()), new ContentId(r.hash()), r.file(), r.size(), 1));
            } catch (IllegalArgumentException e) {
                // a nickname from outside this lab: no peer id to show
            }
        }
    }
}
