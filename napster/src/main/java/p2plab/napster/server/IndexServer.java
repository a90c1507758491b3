package p2plab.napster.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import p2plab.common.content.Keywords;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.PeerHandler;
import p2plab.napster.index.IndexEntry;
import p2plab.napster.index.IndexStore;
import p2plab.napster.index.SharedFile;
import p2plab.napster.wire.EncodedHit;
import p2plab.napster.wire.NapMessage;
import p2plab.napster.wire.NapsterCodec;
import p2plab.napster.wire.NapMessage.Browse;
import p2plab.napster.wire.NapMessage.BrowseEnd;
import p2plab.napster.wire.NapMessage.BrowseResult;
import p2plab.napster.wire.NapMessage.DownloadAck;
import p2plab.napster.wire.NapMessage.DownloadRequest;
import p2plab.napster.wire.NapMessage.ErrorMessage;
import p2plab.napster.wire.NapMessage.GetError;
import p2plab.napster.wire.NapMessage.Invalid;
import p2plab.napster.wire.NapMessage.Login;
import p2plab.napster.wire.NapMessage.LoginAck;
import p2plab.napster.wire.NapMessage.Ping;
import p2plab.napster.wire.NapMessage.Search;
import p2plab.napster.wire.NapMessage.SearchEnd;
import p2plab.napster.wire.NapMessage.SearchResult;
import p2plab.napster.wire.NapMessage.Share;
import p2plab.napster.wire.NapMessage.Unshare;

/**
 * The central index server: peers log in, tell it what they share, and ask it where files are.
 * It never carries file bytes. Everything it knows is in memory, so a crash loses the whole
 * index; peers rebuild it by logging in and sharing again.
 *
 * <p>A peer leaves the index when its connection closes or when it has been silent for the
 * heartbeat timeout. The index itself is an {@link IndexStore}, chosen by whoever builds the server.
 */
public final class IndexServer implements PeerHandler<NapMessage> {
    private final IndexStore store;
    private final ServerSettings settings;
    private final Map<String, Session> sessions = new HashMap<>();
    /**
     * Connections that have not logged in yet, oldest first: one that has not within the
     * heartbeat timeout is closed. Without it, connections that never log in held their place
     * for ever, and enough of them fill the transport's limit and keep everyone out.
     */
    private final Set<Session> awaitingLogin = new LinkedHashSet<>();
    /**
     * The search-result fields of the files logged-in peers share, encoded once, the first time
     * the (holder, file) pair is a hit (they depend only on the file and its holder): a popular
     * file is a hit in most searches, and most shared files are never a hit, so encoding them all
     * when shared would cost a few hundred bytes a share for nothing.
     */
    private final Map<IndexEntry, EncodedHit> encodedHits = new HashMap<>();
    /** Records of recently shared files: the shares of one popular file hold one record, checked once. */
    private final SharedFileCache sharedFiles = new SharedFileCache(8192);
    private Node<NapMessage> node;
    private Cancellable sweep = Cancellable.NONE;
    // Read by other threads (the shell); written only on the server's thread.
    private volatile int connectedPeers;
    private volatile int indexedFiles;
    private volatile long sharesRefused;

    public IndexServer(IndexStore store, ServerSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** The node this server runs on; call right after opening it, before anyone connects. */
    public void bind(Node<NapMessage> serverNode) {
        this.node = serverNode;
    }

    /** Starts the heartbeat sweep; call on the server's thread. */
    public void start() {
        Duration period = settings.heartbeatTimeout().dividedBy(4);
        sweep = node.clock().every(period.isZero() ? Duration.ofMillis(1) : period, this::dropSilentPeers);
    }

    public int connectedPeers() {
        return connectedPeers;
    }

    public int indexedFiles() {
        return indexedFiles;
    }

    /** Shares refused because their session already had {@link ServerSettings#maxShared} files. */
    public long sharesRefused() {
        return sharesRefused;
    }

    // ---- events ----

    @Override
    public void onConnected(Link<NapMessage> link) {
        Session s = new Session(link, node.clock().nanos());
        link.attach(s);
        awaitingLogin.add(s);
    }

    @Override
    public void onMessage(Link<NapMessage> link, NapMessage message) {
        Session s = (Session) link.attachment();
        s.lastHeardNanos = node.clock().nanos();
        if (message instanceof Invalid bad) {
            onInvalid(s, bad);
        } else if (!s.loggedIn()) {
            if (message instanceof Login login) {
                onLogin(s, login);
            } else {
                s.send(new ErrorMessage("log in first: send a Login (type 2) before " + message.type().label()));
            }
        } else if (message instanceof Share m) {
            onShare(s, m);
        } else if (message instanceof Unshare m) {
            onUnshare(s, m);
        } else if (message instanceof Search m) {
            onSearch(s, m);
        } else if (message instanceof DownloadRequest m) {
            onDownloadRequest(s, m);
        } else if (message instanceof Browse m) {
            onBrowse(s, m);
        } else if (message instanceof Ping) {
            return; // the heartbeat: hearing it was the point
        } else {
            s.send(new ErrorMessage("the server does not accept " + message.type().label() + " (type "
                    + message.type().code() + ") from a client"));
        }
    }

    @Override
    public void onWritable(Link<NapMessage> link) {
        ((Session) link.attachment()).drain();
    }

    @Override
    public void onClosed(Link<NapMessage> link, String reason) {
        Session s = (Session) link.attachment();
        if (s != null) {
            s.clearQueue();
            awaitingLogin.remove(s);
            leave(s);
        }
    }

    // ---- one method per request ----

    private void onInvalid(Session s, Invalid bad) {
        s.send(new ErrorMessage(bad.reason() + "; see the Napster message layouts in docs/napster.md"));
        if (bad.oversized()) {
            s.link.close(); // a client that sends oversized frames is broken or hostile
        }
    }

    private void onLogin(Session s, Login login) {
        Session ghost = sessions.get(login.nick());
        if (ghost != null) {
            // The same peer is back (it restarted before we noticed it left): the new login wins.
            leave(ghost);
            ghost.link.close();
        }
        awaitingLogin.remove(s);
        s.nick = login.nick();
        s.host = s.link.remote().host();
        s.dataPort = login.port();
        s.linkType = login.linkType();
        sessions.put(s.nick, s);
        connectedPeers = sessions.size();
        s.send(new LoginAck(s.nick + "@p2plab"));
    }

    private void onShare(Session s, Share m) {
        if (s.files.size() >= settings.maxShared() && !s.files.containsKey(m.file())) {
            // Anything a peer can make us store has a limit: the index is the server's memory.
            sharesRefused++;
            s.send(new ErrorMessage("share of \"" + m.file() + "\" refused: a session may share at most "
                    + settings.maxShared() + " files; unshare some first"));
            return;
        }
        SharedFile file = sharedFiles.of(m.file(), m.hash(), m.size());
        SharedFile replaced = s.files.put(file.name(), file);
        if (replaced != null) {
            encodedHits.remove(new IndexEntry(s.nick, replaced));
        }
        store.register(s.nick, file);
        indexedFiles = store.size();
    }

    private void onUnshare(Session s, Unshare m) {
        SharedFile gone = s.files.remove(m.file());
        if (gone == null) {
            s.send(new ErrorMessage("you do not share \"" + m.file() + "\""));
            return;
        }
        encodedHits.remove(new IndexEntry(s.nick, gone));
        store.unregister(s.nick, m.file());
        indexedFiles = store.size();
    }

    private void onSearch(Session s, Search m) {
        int cap = m.maxResults() == 0 ? settings.maxResults() : Math.min(m.maxResults(), settings.maxResults());
        List<IndexEntry> found = store.search(Keywords.of(m.text()), cap);
        // All lookups first, then all sends: each lookup misses the CPU cache (the index is tens
        // of megabytes), and in a short loop of their own the misses overlap instead of queueing.
        EncodedHit[] hits = new EncodedHit[found.size()];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = encodedHit(found.get(i));
        }
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] != null) {
                s.send(hits[i].forSearch(m.searchId()));
                continue;
            }
            // Not a file its peer shares now: an IndexStore that kept a file after its unshare,
            // or a departed peer's files. Encode what it gave, if that peer is still here.
            IndexEntry e = found.get(i);
            Session holder = sessions.get(e.peer());
            if (holder != null) {
                SharedFile f = e.file();
                s.send(new SearchResult(m.searchId(), f.name(), f.id().hex(), f.size(), holder.nick, holder.host,
                        holder.linkType));
            }
        }
        s.send(new SearchEnd(m.searchId()));
    }

    /** The encoded hit of {@code e}, made now if this is its first; null if its peer does not share that file now. */
    private EncodedHit encodedHit(IndexEntry e) {
        EncodedHit hit = encodedHits.get(e);
        if (hit == null) {
            SharedFile f = e.file();
            Session holder = sessions.get(e.peer());
            if (holder != null && f.equals(holder.files.get(f.name()))) {
                hit = NapsterCodec.encodeHit(f.name(), f.id().hex(), f.size(), holder.nick, holder.host, holder.linkType);
                encodedHits.put(new IndexEntry(holder.nick, f), hit);
            }
        }
        return hit;
    }

    private void onDownloadRequest(Session s, DownloadRequest m) {
        Session holder = sessions.get(m.nick());
        SharedFile f = holder == null ? null : holder.files.get(m.file());
        if (f == null || holder.dataPort == 0) {
            s.send(new GetError(m.nick(), m.file()));
            return;
        }
        s.send(new DownloadAck(holder.nick, holder.host, holder.dataPort, f.name(), f.id().hex(), holder.linkType));
    }

    private void onBrowse(Session s, Browse m) {
        Session target = sessions.get(m.nick());
        if (target != null) {
            for (SharedFile f : target.files.values()) {
                s.send(new BrowseResult(target.nick, f.name(), f.id().hex(), f.size()));
            }
        }
        s.send(new BrowseEnd(m.nick()));
    }

    // ---- departures ----

    private void dropSilentPeers() {
        long now = node.clock().nanos();
        long limit = settings.heartbeatTimeout().toNanos();
        for (Iterator<Session> it = awaitingLogin.iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (now - s.connectedNanos <= limit) {
                break; // oldest first: the rest are younger
            }
            it.remove();
            s.send(new ErrorMessage("no Login (type 2) within " + settings.heartbeatTimeout().toMillis() + " ms of connecting; closed"));
            s.link.close();
        }
        List<Session> silent = new ArrayList<>();
        for (Session s : sessions.values()) {
            if (now - s.lastHeardNanos > limit) {
                silent.add(s);
            }
        }
        for (Session s : silent) {
            leave(s);
            s.link.close();
        }
    }

    /** Forgets a peer: out of the session table and out of the index. */
    private void leave(Session s) {
        if (s.loggedIn() && sessions.get(s.nick) == s) {
            sessions.remove(s.nick);
            store.removePeer(s.nick);
            for (SharedFile f : s.files.values()) {
                encodedHits.remove(new IndexEntry(s.nick, f));
            }
            connectedPeers = sessions.size();
            indexedFiles = store.size();
        }
    }

    /** Stops the timers (the node is going away). */
    public void stop() {
        sweep.cancel();
    }
}
