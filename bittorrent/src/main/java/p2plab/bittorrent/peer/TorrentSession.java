package p2plab.bittorrent.peer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import p2plab.bittorrent.choke.ChokeCandidate;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.picker.PickerView;
import p2plab.bittorrent.picker.PiecePicker;
import p2plab.bittorrent.storage.Storage;
import p2plab.bittorrent.wire.ExtensionHandshake;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PieceSet;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Node;

/**
 * One torrent at one peer: the BEP 3 state machine over all its connections. It reacts to the
 * peer's messages ({@code on...}) and to the rechoke timer, asks the {@link PiecePicker} what to
 * request and the {@link Choker} whom to serve, and keeps {@link Storage} honest.
 *
 * <p>Downloading: while a peer unchokes us and has something we lack, we keep
 * {@link PeerConfig#pipeline} 16 KiB block requests outstanding with it. When every missing block
 * is already requested (endgame), idle peers ask for blocks others were asked for, and the
 * duplicates are cancelled when the first copy arrives. Only blocks we asked the peer for are
 * taken; anything else is dropped before it reaches {@link Storage}.
 *
 * <p>Uploading: a peer may have {@link #MAX_QUEUED_REQUESTS} requests waiting with us, which we
 * advertise as {@code reqq} in the extended handshake (BEP 10). No request is ever dropped
 * silently: with the fast extension (BEP 6) every request gets a piece or a reject; without it a
 * peer that goes over the limit is choked (which discards its queue, BEP 3) and unchoked again at
 * once, so it sends its requests anew.
 */
public final class TorrentSession implements PickerView {
    private final Node<PeerMessage> node;
    private final Metainfo meta;
    private final Storage storage;
    private final PiecePicker picker;
    private final Choker choker;
    private final PeerConfig config;
    private final Map<Connection, Connection> connections = new LinkedHashMap<>();
    private final int[] availability;
    /** Outstanding requests per block key, across connections. */
    private final Map<Long, Integer> requested = new HashMap<>();
    /** Outstanding requests per piece, endgame copies included. */
    private final int[] requestedPerPiece;
    /** Distinct blocks of each piece that are requested from someone (endgame copies count once). */
    private final int[] distinctRequested;
    /**
     * Per piece, the first block that may still want a request: blocks are requested in order, so
     * the search for the next one starts here instead of at block 0 (it was a scan of up to 64
     * blocks, two map look-ups each, for every request). Moved back whenever a block is given up.
     */
    private final int[] firstOpenBlock;
    /**
     * Every piece asked for since it was last verified: the started pieces are among them
     * ({@link #nextStarted}), so the picker's search for one looks at a handful of pieces instead
     * of all of them for every request (it was a third of the leecher's event loop).
     */
    private final BitSet maybeStarted = new BitSet();
    private final Map<String, Long> sources = new HashMap<>();
    private final CompletableFuture<SwarmResult> done = new CompletableFuture<>();
    private final long startNanos;
    private Consumer<SwarmStatus> listener = s -> { };
    private Consumer<Integer> onVerified = p -> { };
    private Cancellable rechokeTimer = Cancellable.NONE;
    /** Copies of one block that endgame may have requested at once. */
    private static final int ENDGAME_COPIES = 2;
    private long bytesDown;
    private long bytesUp;
    private long downWindow;
    private long upWindow;
    private double downRate;
    private double upRate;
    private long refused;
    private long rejectsSent;
    private long unrequestedBlocks;
    private boolean stopped;

    public TorrentSession(Node<PeerMessage> node, Metainfo meta, Storage storage, PiecePicker picker, Choker choker, PeerConfig config) {
        this.node = node;
        this.meta = meta;
        this.storage = storage;
        this.picker = picker;
        this.choker = choker;
        this.config = config;
        this.availability = new int[meta.pieceCount()];
        this.distinctRequested = new int[meta.pieceCount()];
        this.requestedPerPiece = new int[meta.pieceCount()];
        this.firstOpenBlock = new int[meta.pieceCount()];
        this.startNanos = node.clock().nanos();
        for (int piece : storage.inProgress()) {
            maybeStarted.set(piece); // blocks that came before this session (none, as sessions are made today)
        }
        if (storage.complete()) {
            storage.finish();
            done.complete(result());
        }
        rechokeTimer = node.clock().every(config.rechoke(), this::onRechokeTimer);
    }

    public Metainfo metainfo() {
        return meta;
    }

    public Storage storage() {
        return storage;
    }

    public CompletableFuture<SwarmResult> completion() {
        return done;
    }

    public void onStatus(Consumer<SwarmStatus> l) {
        this.listener = l;
    }

    public void onPieceVerified(Consumer<Integer> l) {
        this.onVerified = l;
    }

    public List<Connection> connections() {
        return List.copyOf(connections.keySet());
    }

    public long bytesUp() {
        return bytesUp;
    }

    public long bytesDown() {
        return bytesDown;
    }

    /** Requests refused: too long, past the piece, for a piece we lack, while choked, or over the queue limit. */
    public long refused() {
        return refused;
    }

    /** BEP 6 reject messages we sent (refused requests, cancels and chokes of fast-extension peers). */
    public long rejectsSent() {
        return rejectsSent;
    }

    /** Piece messages dropped because we never asked that peer for the block. */
    public long unrequestedBlocks() {
        return unrequestedBlocks;
    }

    public boolean isConnectedTo(String peerKey) {
        return connectionTo(peerKey) != null;
    }

    Connection connectionTo(String peerKey) {
        for (Connection c : connections.keySet()) {
            if (c.peerKey.equals(peerKey)) {
                return c;
            }
        }
        return null;
    }

    public SwarmStatus status() {
        int unchoked = 0;
        int unchokedBy = 0;
        for (Connection c : connections.keySet()) {
            unchoked += c.amChoking ? 0 : 1;
            unchokedBy += c.peerChoking ? 0 : 1;
        }
        return new SwarmStatus(storage.have().count(), meta.pieceCount(), storage.bytesHave(), meta.totalLength(),
                downRate, upRate, connections.size(), unchoked, unchokedBy, storage.bannedPeers().size());
    }

    // ---- connection lifecycle ----

    /** Handshakes exchanged: the connection joins the swarm and learns what we have. */
    void onHandshake(Connection c) {
        if (storage.banned(c.peerKey)) {
            c.link.close();
            return;
        }
        connections.put(c, c);
        c.pipeline = config.pipeline();
        // BEP 6: with the fast extension the first message is exactly one of bitfield, have all, have none
        if (c.fast && storage.complete()) {
            c.send(new PeerMessage.HaveAll());
        } else if (storage.have().count() > 0) {
            c.send(new PeerMessage.Bitfield(storage.have().toWire()));
        } else if (c.fast) {
            c.send(new PeerMessage.HaveNone());
        }
        if (c.extensionProtocol) {
            c.send(new PeerMessage.Extended(0, ourExtensions().encode()));
        }
    }

    /** Our extended handshake: ut_metadata (answered by {@link SessionSwarm}) with the metadata's size, our queue limit. */
    private ExtensionHandshake ourExtensions() {
        return new ExtensionHandshake(java.util.Map.of(p2plab.bittorrent.wire.UtMetadata.NAME, MetadataFetch.UT_METADATA_ID),
                CLIENT_NAME, node.address().port(), MAX_QUEUED_REQUESTS, meta.infoBytes().length);
    }

    /** {@code v} of our extended handshake. */
    static final String CLIENT_NAME = "p2plab";

    void onClosed(Connection c) {
        if (connections.remove(c) == null) {
            return;
        }
        for (int i = c.has.next(0); i >= 0; i = c.has.next(i + 1)) {
            availability[i]--;
        }
        releaseRequests(c);
        if (!c.amChoking && c.peerInterested) {
            rechoke(); // its upload slot is free
        }
    }

    // ---- messages ----

    void onMessage(Connection c, PeerMessage m) {
        if (m instanceof PeerMessage.Bitfield b) {
            onBitfield(c, b);
        } else if (m instanceof PeerMessage.Have h) {
            onHave(c, h.index());
        } else if (m instanceof PeerMessage.Choke) {
            onChoke(c);
        } else if (m instanceof PeerMessage.Unchoke) {
            onUnchoke(c);
        } else if (m instanceof PeerMessage.Interested) {
            onInterested(c, true);
        } else if (m instanceof PeerMessage.NotInterested) {
            onInterested(c, false);
        } else if (m instanceof PeerMessage.Request r) {
            onRequest(c, r);
        } else if (m instanceof PeerMessage.Piece p) {
            onPiece(c, p);
        } else if (m instanceof PeerMessage.Cancel x) {
            onCancel(c, x);
        } else if (m instanceof PeerMessage.Extended x) {
            onExtended(c, x);
        } else if (m instanceof PeerMessage.HaveAll || m instanceof PeerMessage.HaveNone || m instanceof PeerMessage.Reject
                || m instanceof PeerMessage.Suggest || m instanceof PeerMessage.AllowedFast) {
            onFast(c, m);
        } else if (m instanceof PeerMessage.Handshake) {
            c.link.close(); // a second handshake is a protocol error
        }
        // keep-alive, port and unknown ids need nothing
    }

    void onCancel(Connection c, PeerMessage.Cancel x) {
        boolean removed = c.uploads.removeIf(r -> r.index() == x.index() && r.begin() == x.begin() && r.length() == x.length());
        if (removed && c.fast) {
            reject(c, new PeerMessage.Request(x.index(), x.begin(), x.length())); // BEP 6: exactly one answer per request
        }
    }

    /** BEP 10: the extended handshake tells us the peer's extensions and queue limit; other extension ids are ignored. */
    void onExtended(Connection c, PeerMessage.Extended x) {
        if (!c.extensionProtocol || x.extId() != 0) {
            return; // not negotiated, or an extension we did not offer: ignore, as BEP 10 allows
        }
        try {
            c.extensions = ExtensionHandshake.decode(x.payload());
        } catch (IllegalArgumentException e) {
            c.extensions = null; // an unreadable handshake offers nothing; the base protocol still works
        }
    }

    /** BEP 6 messages; a peer that did not negotiate the fast extension must not send them. */
    void onFast(Connection c, PeerMessage m) {
        if (!c.fast) {
            c.link.close();
            return;
        }
        if (m instanceof PeerMessage.HaveAll) {
            for (int i = 0; i < meta.pieceCount(); i++) {
                if (!c.has.has(i)) {
                    c.has.add(i);
                    availability[i]++;
                }
            }
            updateInterest(c);
        } else if (m instanceof PeerMessage.Reject r) {
            long key = blockKey(r.index(), r.begin());
            c.released.remove(key);
            if (c.outstanding.remove(key)) {
                unrequest(key);
                // Others may take the block. This peer is asked again at its next piece, or, if it
                // rejected all we asked, after a pause: a peer that rejects everything then costs a
                // few requests a second, not a ping-pong at the speed of the link.
                for (Connection o : List.copyOf(connections.keySet())) {
                    if (o != c) {
                        fillRequests(o);
                    }
                }
                if (c.outstanding.isEmpty()) {
                    node.clock().schedule(REJECT_PAUSE, () -> {
                        if (connections.containsKey(c)) {
                            fillRequests(c);
                        }
                    });
                }
            }
        }
        // have none changes nothing; suggest and allowed fast are hints we need not follow
    }

    void onBitfield(Connection c, PeerMessage.Bitfield b) {
        PieceSet set;
        try {
            set = PieceSet.fromWire(b.bits(), meta.pieceCount());
        } catch (IllegalArgumentException e) {
            c.link.close();
            return;
        }
        for (int i = set.next(0); i >= 0; i = set.next(i + 1)) {
            if (!c.has.has(i)) {
                c.has.add(i);
                availability[i]++;
            }
        }
        updateInterest(c);
    }

    void onHave(Connection c, int index) {
        if (index < 0 || index >= meta.pieceCount()) {
            c.link.close();
            return;
        }
        if (!c.has.has(index)) {
            c.has.add(index);
            availability[index]++;
            if (!storage.have().has(index) && !c.amInterested) {
                updateInterest(c);
            } else {
                fillRequests(c);
            }
        }
    }

    void onChoke(Connection c) {
        c.peerChoking = true;
        c.pipeline = config.pipeline();
        releaseRequests(c); // BEP 3: a choke discards the requests it did not answer
    }

    void onUnchoke(Connection c) {
        c.peerChoking = false;
        c.lastDataNanos = node.clock().nanos(); // the snub clock starts when we may ask
        fillRequests(c);
    }

    void onInterested(Connection c, boolean interested) {
        c.peerInterested = interested;
        // A slot that frees up, or a free slot that a peer now wants, is filled at once rather
        // than at the next period: an upload slot left idle for 10 s is upload capacity lost.
        if (interested ? c.amChoking && usefulUnchokes() < UPLOAD_SLOTS : !c.amChoking) {
            rechoke();
        }
    }

    /** Upload slots (4 regular + 1 optimistic) that a rechoke between periods tries to keep busy. */
    private static final int UPLOAD_SLOTS = 5;

    private int usefulUnchokes() {
        int n = 0;
        for (Connection o : connections.keySet()) {
            n += !o.amChoking && o.peerInterested ? 1 : 0;
        }
        return n;
    }

    /**
     * Requests one peer may have waiting with us, advertised as {@code reqq}. 2000 blocks are
     * 31 MiB: libtorrent keeps at most 500 requests out per peer by default, so a fast peer is never
     * held back by this limit, and the queue costs at most about 64 KiB per peer.
     */
    public static final int MAX_QUEUED_REQUESTS = 2000;
    /** How long a peer that rejected every request we had out waits before we ask it again. */
    static final java.time.Duration REJECT_PAUSE = java.time.Duration.ofSeconds(1);
    /** Released blocks remembered per connection (so a late block is still taken). */
    static final int MAX_RELEASED = 256;

    void onRequest(Connection c, PeerMessage.Request r) {
        int index = r.index();
        if (c.amChoking || r.length() <= 0 || r.length() > Storage.BLOCK || index < 0 || index >= meta.pieceCount()
                || !storage.have().has(index) || r.begin() < 0 || (long) r.begin() + r.length() > meta.pieceSize(index)) {
            refused++;
            if (c.fast) {
                reject(c, r);
            }
            return;
        }
        if (c.uploads.size() >= MAX_QUEUED_REQUESTS) {
            refused++;
            if (c.fast) {
                reject(c, r);
            } else {
                // BEP 3 has no way to refuse one request: a choke discards them all, and the
                // unchoke right after tells the peer to ask again.
                c.uploads.clear();
                c.answer(new PeerMessage.Choke());
                c.answer(new PeerMessage.Unchoke());
            }
            return;
        }
        c.uploads.add(r);
        serveUploads(c);
    }

    private void reject(Connection c, PeerMessage.Request r) {
        c.answer(new PeerMessage.Reject(r.index(), r.begin(), r.length()));
        rejectsSent++;
    }

    /**
     * Answers queued requests while the link has room. Blocks are read and sent only then, so a
     * cancel or a choke still drops the requests that wait here instead of wasting upload on them.
     */
    void serveUploads(Connection c) {
        while (!c.uploads.isEmpty() && !c.amChoking && c.link.writable()) {
            PeerMessage.Request r = c.uploads.poll();
            byte[] block = storage.read(r.index(), r.begin(), r.length());
            c.send(new PeerMessage.Piece(r.index(), r.begin(), block));
            c.bytesUp += block.length;
            c.upWindow += block.length;
            bytesUp += block.length;
            upWindow += block.length;
        }
    }

    void onPiece(Connection c, PeerMessage.Piece p) {
        long key = blockKey(p.index(), p.begin());
        if (c.outstanding.contains(key)) {
            growPipeline(c);
            c.outstanding.remove(key);
            unrequest(key);
        } else if (!c.released.remove(key)) {
            // Never asked of this peer: storing it would let a peer make us allocate a piece buffer
            // per block it sends. BEP 6 requires closing the connection; without it we drop the block.
            unrequestedBlocks++;
            if (c.fast) {
                c.link.close();
            }
            return;
        }
        int n = p.block().length;
        c.bytesDown += n;
        c.downWindow += n;
        c.lastDataNanos = node.clock().nanos();
        bytesDown += n;
        downWindow += n;
        sources.merge(c.peerKey, (long) n, Long::sum);
        // Blocks that were in flight when the peer choked us (or we cancelled) are still welcome:
        // storage checks size and alignment, and the piece hash catches anything forged.
        Storage.Outcome outcome = storage.receive(p.index(), p.begin(), p.block(), c.peerKey);
        if (outcome != Storage.Outcome.IGNORED) {
            cancelDuplicates(key, c);
        }
        if (outcome == Storage.Outcome.PIECE_VERIFIED) {
            pieceVerified(p.index());
        } else if (outcome == Storage.Outcome.PIECE_FAILED) {
            firstOpenBlock[p.index()] = 0; // its blocks were dropped: all of them are asked for again
            enforceBans();
        }
        if (c.link.isOpen()) {
            fillRequests(c);
        }
    }

    /**
     * A block came while every request we allow was out: the peer keeps up, so allow one more
     * (the pipeline doubles each round trip), up to {@link PeerConfig#maxPipeline} and the peer's
     * advertised {@code reqq}.
     */
    private void growPipeline(Connection c) {
        if (c.outstanding.size() < c.pipeline) {
            return;
        }
        int limit = config.maxPipeline();
        if (c.extensions != null && c.extensions.reqq() > 0) {
            limit = Math.min(limit, c.extensions.reqq());
        }
        c.pipeline = Math.max(c.pipeline, Math.min(limit, c.pipeline + 1));
    }

    private void pieceVerified(int index) {
        maybeStarted.clear(index);
        for (Connection o : connections.keySet()) {
            o.send(new PeerMessage.Have(index));
        }
        enforceBans();
        for (Connection o : List.copyOf(connections.keySet())) {
            if (o.amInterested) {
                updateInterest(o);
            }
        }
        onVerified.accept(index);
        listener.accept(status());
        if (storage.complete() && !done.isDone()) {
            storage.finish();
            done.complete(result());
            rechoke(); // seeds rank differently
        }
    }

    private void enforceBans() {
        for (Connection o : List.copyOf(connections.keySet())) {
            if (storage.banned(o.peerKey)) {
                o.link.close();
                onClosed(o);
            }
        }
    }

    // ---- requesting ----

    private void updateInterest(Connection c) {
        boolean want = false;
        for (int i = c.has.next(0); i >= 0; i = c.has.next(i + 1)) {
            if (!storage.have().has(i)) {
                want = true;
                break;
            }
        }
        if (want != c.amInterested) {
            c.amInterested = want;
            c.send(want ? new PeerMessage.Interested() : new PeerMessage.NotInterested());
        }
        fillRequests(c);
    }

    /** Tops the connection's pipeline up with block requests chosen by the picker (or endgame). */
    void fillRequests(Connection c) {
        if (c.peerChoking || !c.amInterested || stopped) {
            return;
        }
        while (c.outstanding.size() < c.pipeline) {
            long key = nextBlock(c);
            if (key < 0) {
                return;
            }
            int piece = (int) (key >>> 32);
            int begin = (int) key;
            c.outstanding.add(key);
            if (requested.merge(key, 1, Integer::sum) == 1) {
                distinctRequested[piece]++;
            }
            requestedPerPiece[piece]++;
            maybeStarted.set(piece);
            c.send(new PeerMessage.Request(piece, begin, storage.blockLength(piece, begin / Storage.BLOCK)));
        }
    }

    private long nextBlock(Connection c) {
        int piece = picker.pick(this, c.has, node.random());
        if (piece >= 0) {
            for (int b = firstOpenBlock[piece], blocks = storage.blocksIn(piece); b < blocks; b++) {
                long key = blockKey(piece, b * Storage.BLOCK);
                if (!storage.hasBlock(piece, b) && !requested.containsKey(key)) {
                    firstOpenBlock[piece] = b;
                    return key;
                }
            }
            firstOpenBlock[piece] = storage.blocksIn(piece);
        }
        return endgame() ? endgameBlock(c) : -1;
    }

    /** Endgame: every block we still lack has been requested from someone. */
    private boolean endgame() {
        for (int i = 0; i < meta.pieceCount(); i++) {
            if (!storage.have().has(i) && requestable(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A block someone else was asked for, to ask this peer too. At most two copies of a block are
     * in flight: enough that one slow peer cannot hold up the end, without every idle peer
     * sending the same last blocks (each copy costs a whole block of someone's upload).
     */
    private long endgameBlock(Connection c) {
        for (Map.Entry<Long, Integer> e : requested.entrySet()) {
            long key = e.getKey();
            int piece = (int) (key >>> 32);
            if (e.getValue() < ENDGAME_COPIES && c.has.has(piece) && !c.outstanding.contains(key)
                    && !storage.hasBlock(piece, ((int) key) / Storage.BLOCK)) {
                return key;
            }
        }
        return -1;
    }

    private void cancelDuplicates(long key, Connection from) {
        if (!requested.containsKey(key)) {
            return;
        }
        int piece = (int) (key >>> 32);
        int begin = (int) key;
        for (Connection o : connections.keySet()) {
            if (o != from && o.outstanding.remove(key)) {
                unrequest(key);
                release(o, key);
                o.send(new PeerMessage.Cancel(piece, begin, storage.blockLength(piece, begin / Storage.BLOCK)));
                fillRequests(o);
            }
        }
    }

    private void releaseRequests(Connection c) {
        for (long key : c.outstanding) {
            unrequest(key);
            release(c, key);
        }
        c.outstanding.clear();
        // other peers may now take over the released blocks
        for (Connection o : List.copyOf(connections.keySet())) {
            if (o != c) {
                fillRequests(o);
            }
        }
    }

    /** Remembers a block we gave up on that {@code c} may still send. */
    private static void release(Connection c, long key) {
        c.released.add(key);
        if (c.released.size() > MAX_RELEASED) {
            Iterator<Long> oldest = c.released.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private void unrequest(long key) {
        int piece = (int) (key >>> 32);
        if (requested.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1) == null) {
            distinctRequested[piece]--;
            firstOpenBlock[piece] = Math.min(firstOpenBlock[piece], ((int) key) / Storage.BLOCK); // it may be asked for again
        }
        requestedPerPiece[piece]--;
    }

    static long blockKey(int piece, int begin) {
        return ((long) piece << 32) | (begin & 0xffffffffL);
    }

    // ---- PickerView ----

    @Override
    public int pieceCount() {
        return meta.pieceCount();
    }

    @Override
    public boolean have(int piece) {
        return storage.have().has(piece);
    }

    @Override
    public int availability(int piece) {
        return availability[piece];
    }

    /** A piece is started only once one of its blocks was asked for: see {@link #maybeStarted}. */
    @Override
    public int nextStarted(int from) {
        return maybeStarted.nextSetBit(from);
    }

    @Override
    public boolean started(int piece) {
        return !storage.have().has(piece) && (requestedPerPiece[piece] > 0 || storage.inProgressContains(piece));
    }

    /**
     * Counted, not searched: the picker asks this of every piece for every request, and a scan of
     * every block of every piece was the leecher's largest cost in the profile. A block is never
     * both received and requested for long: the copy still requested is cancelled when it arrives.
     */
    @Override
    public boolean requestable(int piece) {
        return !storage.have().has(piece) && distinctRequested[piece] + storage.blocksReceived(piece) < storage.blocksIn(piece);
    }

    @Override
    public int completed() {
        return storage.have().count();
    }

    /** Minimum over pieces of how many connected peers (plus us) hold it: the swarm's weakest piece. */
    public int minReplication() {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < availability.length; i++) {
            min = Math.min(min, availability[i] + (storage.have().has(i) ? 1 : 0));
        }
        return min;
    }

    // ---- choking ----

    /** Every rechoke period: fold the byte counts into rates, flag snubbers, then re-rank. */
    void onRechokeTimer() {
        double seconds = config.rechoke().toNanos() / 1e9;
        downRate = downWindow / seconds;
        upRate = upWindow / seconds;
        downWindow = 0;
        upWindow = 0;
        for (Connection c : connections.keySet()) {
            c.downRate = c.downWindow / seconds;
            c.upRate = c.upWindow / seconds;
            c.downWindow = 0;
            c.upWindow = 0;
        }
        rechoke();
        listener.accept(status());
    }

    private boolean snubbed(Connection c, long now) {
        return c.amInterested && !c.peerChoking && now - c.lastDataNanos > config.snubTimeout().toNanos();
    }

    void rechoke() {
        if (stopped) {
            return;
        }
        long now = node.clock().nanos();
        List<ChokeCandidate> candidates = new ArrayList<>(connections.size());
        for (Connection c : connections.keySet()) {
            candidates.add(new ChokeCandidate(c.peerKey, c.peerInterested, c.downRate, c.upRate, snubbed(c, now),
                    c.connectedNanos, !c.amChoking));
        }
        Set<String> unchoke = choker.unchoke(candidates, storage.complete(), now, node.random());
        for (Connection c : connections.keySet()) {
            boolean shouldChoke = !unchoke.contains(c.peerKey);
            if (shouldChoke != c.amChoking) {
                c.amChoking = shouldChoke;
                c.send(shouldChoke ? new PeerMessage.Choke() : new PeerMessage.Unchoke());
                if (shouldChoke) {
                    // BEP 3: a choke discards the requests not yet answered; BEP 6 peers hear it for each
                    for (PeerMessage.Request r : c.fast ? c.uploads : List.<PeerMessage.Request>of()) {
                        reject(c, r);
                    }
                    c.uploads.clear();
                }
            }
        }
    }

    /** Stops requesting and uploading; closes every connection of this torrent. */
    public void stop() {
        stopped = true;
        rechokeTimer.cancel();
        for (Iterator<Connection> it = List.copyOf(connections.keySet()).iterator(); it.hasNext(); ) {
            it.next().link.close();
        }
        connections.clear();
        if (!done.isDone()) {
            done.complete(result());
        }
    }

    public boolean stopped() {
        return stopped;
    }

    public SwarmResult result() {
        return new SwarmResult(storage.bytesHave(), node.clock().nanos() - startNanos, bytesDown, bytesUp, sources,
                storage.corruptPieces(), storage.complete());
    }
}
