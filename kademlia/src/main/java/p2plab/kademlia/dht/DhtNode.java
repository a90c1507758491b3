package p2plab.kademlia.dht;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.PeerHandler;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.krpc.ErrorCode;
import p2plab.kademlia.krpc.KrpcMessage;
import p2plab.kademlia.krpc.KrpcCodec;
import p2plab.kademlia.krpc.KrpcMessage.AnnouncePeer;
import p2plab.kademlia.krpc.KrpcMessage.Block;
import p2plab.kademlia.krpc.KrpcMessage.GetBlock;
import p2plab.kademlia.krpc.KrpcMessage.FindNode;
import p2plab.kademlia.krpc.KrpcMessage.GetPeers;
import p2plab.kademlia.krpc.KrpcMessage.KrpcError;
import p2plab.kademlia.krpc.KrpcMessage.Malformed;
import p2plab.kademlia.krpc.KrpcMessage.Ping;
import p2plab.kademlia.krpc.KrpcMessage.Query;
import p2plab.kademlia.krpc.KrpcMessage.Response;
import p2plab.kademlia.lookup.Lookup;
import p2plab.kademlia.lookup.LookupResult;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicy;
import p2plab.kademlia.routing.Bucket;
import p2plab.kademlia.routing.Entry;
import p2plab.kademlia.routing.RoutingTable;

/**
 * One node of the mainline DHT (BEP 5), sans-IO: it hears datagrams and timers from its
 * {@link Node} and answers with datagrams. It answers ping, find_node, get_peers and
 * announce_peer; it runs iterative lookups (find_node, get_peers), announces, joins by a
 * lookup of its own id through one known node, and refreshes idle buckets.
 *
 * <p>Every datagram that is not valid KRPC is counted by its reason ({@link #malformed()});
 * a malformed query with a usable transaction id gets error 203 (204 for an unknown method).
 * Nothing a remote sends makes this class throw.
 */
public final class DhtNode implements PeerHandler<KrpcMessage> {
    private final NodeId id;
    private final DhtConfig config;
    private final BucketPolicy bucketPolicy;
    private final NextHopPolicy nextHop;
    private Node<KrpcMessage> node;
    private RoutingTable table;
    // Made on first use and dropped when empty: a simulation holds a million idle nodes.
    private Tokens tokens;
    private PeerStore store;
    private Map<Integer, Pending> pending;
    private Map<String, Long> malformed;
    private Set<NodeId> pinging;
    private int nextTransaction;
    private Cancellable refresher = Cancellable.NONE;

    /** A query waiting for its answer. */
    private record Pending(Address to, CompletableFuture<KrpcMessage> answer, Cancellable timer) { }

    private Function<ContentId, Content> files = id -> null;

    public DhtNode(NodeId id, DhtConfig config, BucketPolicy bucketPolicy, NextHopPolicy nextHop) {
        this.id = id;
        this.config = config;
        this.bucketPolicy = bucketPolicy;
        this.nextHop = nextHop;
    }

    /** Attaches the node to its transport node (opened with this handler); starts the bucket refresh. */
    public void start(Node<KrpcMessage> transportNode) {
        this.node = transportNode;
        long now = now();
        this.table = new RoutingTable(id, config.k(), config.goodFor().toNanos(), bucketPolicy, now);
        if (config.refresh()) {
            Duration every = config.refreshAfter().dividedBy(3);
            refresher = transportNode.clock().every(every, this::refreshIdleBuckets);
        }
    }

    /**
     * Takes a routing table filled elsewhere ({@code FilledTables}: a network built whole) in
     * place of the empty one {@link #start} made; on the node's own thread, after start.
     */
    public void adopt(RoutingTable filled) {
        if (!filled.own().equals(id)) {
            throw new IllegalArgumentException("the table is " + filled.own().shortHex() + "'s, not " + id.shortHex() + "'s");
        }
        this.table = filled;
    }

    public NodeId id() {
        return id;
    }

    public Contact contact() {
        return new Contact(id, node.address());
    }

    public Node<KrpcMessage> node() {
        return node;
    }

    public RoutingTable table() {
        return table;
    }

    /** The peers announced to this node (made on first use). */
    public PeerStore store() {
        if (store == null) {
            store = new PeerStore(config.peerTtl().toNanos(), config.maxPeersPerKey(), config.maxKeys());
        }
        return store;
    }

    /** Announcements this node holds, all keys. */
    public int stored() {
        return store == null ? 0 : store.size();
    }

    private Tokens tokens() {
        if (tokens == null) {
            tokens = new Tokens(config.tokenRotation().toNanos(), node.random(), now());
        }
        return tokens;
    }

    public DhtConfig config() {
        return config;
    }

    /** Malformed datagrams received, by reason. */
    public Map<String, Long> malformed() {
        return malformed == null ? new TreeMap<>() : new TreeMap<>(malformed);
    }

    /** Queries still waiting for an answer. */
    public int pendingQueries() {
        return pending == null ? 0 : pending.size();
    }

    private long now() {
        return node.clock().nanos();
    }

    // ---- what arrives ----

    @Override
    public void onMessage(Link<KrpcMessage> link, KrpcMessage message) {
        // KRPC travels in datagrams only; the codec refuses links, so nothing arrives here.
    }

    @Override
    public void onDatagram(Address from, KrpcMessage message) {
        if (table == null) {
            return; // arrived between open and start: as if the port had not been open yet
        }
        if (message instanceof Query q) {
            heard(new Contact(q.sender(), from), false);
            answer(from, q);
        } else if (message instanceof Response || message instanceof Block) {
            Pending p = takePending(transaction(message.t()), from);
            if (p == null) {
                count("unexpected response");
                return;
            }
            p.timer().cancel();
            heard(new Contact(message instanceof Response r ? r.sender() : ((Block) message).sender(), from), true);
            p.answer().complete(message);
        } else if (message instanceof KrpcError e) {
            Pending p = takePending(transaction(e.t()), from);
            if (p == null) {
                count("unexpected error");
                return;
            }
            p.timer().cancel();
            p.answer().completeExceptionally(new KrpcException(e.code(), "error " + e.code() + " from " + from + ": " + e.message()));
        } else if (message instanceof Malformed m) {
            count(m.reason());
            if (m.query() && m.t() != null) {
                String text = m.code() == ErrorCode.METHOD_UNKNOWN ? "Method Unknown" : "Protocol Error: " + m.reason();
                node.sendDatagram(from, new KrpcError(m.t(), m.code(), text));
            }
        }
    }

    /** The query waiting under transaction {@code tid} for an answer from {@code from}, no longer waiting; null if none. */
    private Pending takePending(int tid, Address from) {
        Pending p = pending == null ? null : pending.get(tid);
        if (p == null || !p.to().equals(from)) {
            return null;
        }
        removePending(tid);
        return p;
    }

    private Pending removePending(int tid) {
        Pending p = pending == null ? null : pending.remove(tid);
        if (pending != null && pending.isEmpty()) {
            pending = null;
        }
        return p;
    }

    private void count(String reason) {
        if (malformed == null) {
            malformed = new TreeMap<>();
        }
        malformed.merge(reason, 1L, Long::sum);
    }

    /** Updates the table; pings a full bucket's questionable node when the table asks for it. */
    private void heard(Contact contact, boolean answered) {
        Entry toPing = table.seen(contact, answered, now());
        if (toPing == null) {
            return;
        }
        if (pinging == null) {
            pinging = new HashSet<>(4);
        }
        if (pinging.add(toPing.contact().id())) {
            Contact suspect = toPing.contact();
            ping(suspect.address()).whenComplete((r, failure) -> {
                pinging.remove(suspect.id());
                if (pinging.isEmpty()) {
                    pinging = null;
                }
                if (failure != null) {
                    table.failed(suspect, true);
                }
            });
        }
    }

    private void answer(Address from, Query q) {
        long now = now();
        if (q instanceof Ping p) {
            node.sendDatagram(from, Response.of(p.t(), id));
        } else if (q instanceof FindNode f) {
            node.sendDatagram(from, new Response(f.t(), id, table.closest(f.target(), config.k()), List.of(), null));
        } else if (q instanceof GetPeers g) {
            byte[] token = tokens().tokenFor(from.ipv4(), now);
            List<Address> peers = store == null ? List.of() : store.peers(g.infoHash(), config.maxValues(), now);
            List<Contact> nodes = peers.isEmpty() ? table.closest(g.infoHash(), config.k()) : List.of();
            node.sendDatagram(from, new Response(g.t(), id, nodes, peers, token));
        } else if (q instanceof GetBlock g) {
            serveBlock(from, g);
        } else if (q instanceof AnnouncePeer a) {
            if (!tokens().valid(a.token(), from.ipv4(), now)) {
                count("bad token");
                node.sendDatagram(from, new KrpcError(a.t(), ErrorCode.PROTOCOL, "Protocol Error: bad token"));
                return;
            }
            store().announce(a.infoHash(), new Address(from.host(), a.impliedPort() ? from.port() : a.port()), now);
            node.sendDatagram(from, Response.of(a.t(), id));
        }
    }

    private void serveBlock(Address from, GetBlock g) {
        Content file = files.apply(ContentId.of(g.content()));
        if (file == null) {
            node.sendDatagram(from, new KrpcError(g.t(), ErrorCode.GENERIC, "A Generic Error Ocurred: no such file here"));
            return;
        }
        long offset = (long) g.index() * KrpcCodec.BLOCK;
        if (offset >= file.size() && !(offset == 0 && file.size() == 0)) {
            node.sendDatagram(from, new KrpcError(g.t(), ErrorCode.PROTOCOL, "Protocol Error: block " + g.index() + " is past the end"));
            return;
        }
        int length = (int) Math.min(KrpcCodec.BLOCK, file.size() - offset);
        node.sendDatagram(from, new Block(g.t(), id, file.read(offset, length), file.size()));
    }

    /** The files this node hands out in blocks, by content id (null: not here). */
    public void serve(Function<ContentId, Content> lookup) {
        this.files = lookup;
    }

    // ---- queries we send ----

    private static int transaction(byte[] t) {
        return t != null && t.length == 2 ? ((t[0] & 0xff) << 8) | (t[1] & 0xff) : -1;
    }

    /** Sends the query {@code make} builds with a fresh transaction id; the future fails after the query timeout. */
    private CompletableFuture<Response> query(Address to, Function<byte[], Query> make) {
        return send(to, make).thenApply(m -> {
            if (m instanceof Response r) {
                return r;
            }
            throw new KrpcException(ErrorCode.PROTOCOL, to + " answered with a block where a response was due");
        });
    }

    private CompletableFuture<KrpcMessage> send(Address to, Function<byte[], Query> make) {
        CompletableFuture<KrpcMessage> answer = new CompletableFuture<>();
        if (!node.isAlive()) {
            answer.completeExceptionally(new KrpcException(0, node.label() + " is not running"));
            return answer;
        }
        int tid;
        do {
            tid = nextTransaction++ & 0xffff;
        } while (pending != null && pending.containsKey(tid));
        int key = tid;
        byte[] t = {(byte) (tid >> 8), (byte) tid};
        Cancellable timer = node.clock().schedule(config.queryTimeout(), () -> {
            Pending p = removePending(key);
            if (p != null) {
                p.answer().completeExceptionally(new KrpcException(0, "no answer from " + to + " within " + config.queryTimeout().toMillis() + " ms"));
            }
        });
        if (pending == null) {
            pending = new HashMap<>(8);
        }
        pending.put(key, new Pending(to, answer, timer));
        node.sendDatagram(to, make.apply(t));
        return answer;
    }

    public CompletableFuture<Response> ping(Address to) {
        return query(to, t -> new Ping(t, id));
    }

    public CompletableFuture<Response> findNode(Address to, NodeId target) {
        return query(to, t -> new FindNode(t, id, target));
    }

    /**
     * Joins the DHT through one known node: asks it for the nodes closest to the own id (which
     * puts it in the table), then runs a lookup of the own id (BEP 5), which fills the table near
     * home and makes this node known to the nodes that will be its neighbours. Last, as the
     * Kademlia paper says, it refreshes the buckets farther away than its closest neighbour (a
     * lookup of a random id in each one's range), but only those the own lookup left empty:
     * a bucket that holds a node already has a way into its part of the id space, and the
     * 15-minute refresh fills it later. Refreshing them all would cost a lookup per bucket, about
     * log2 N of them per join.
     *
     * @return the lookup of the own id
     */
    public CompletableFuture<LookupResult> bootstrap(Address known) {
        return askToJoin(known, 3).thenCompose(r -> lookup(id, false, null)).thenCompose(self -> {
            List<CompletableFuture<LookupResult>> refreshes = new ArrayList<>();
            for (int b = 0; b < table.bucketCount() - 1; b++) {
                if (table.sizeOf(b) == 0) {
                    refreshes.add(lookup(id.randomWithPrefix(b, node.random()), false, null));
                }
            }
            return CompletableFuture.allOf(refreshes.toArray(CompletableFuture[]::new)).thenApply(v -> self);
        });
    }

    /** The first find_node to the known node, tried {@code attempts} times (a datagram may be lost). */
    private CompletableFuture<Response> askToJoin(Address known, int attempts) {
        return findNode(known, id).handle((r, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(r);
            }
            if (attempts <= 1) {
                return CompletableFuture.<Response>failedFuture(failure);
            }
            return askToJoin(known, attempts - 1);
        }).thenCompose(f -> f);
    }

    /** An iterative find_node lookup. */
    public CompletableFuture<LookupResult> findNode(NodeId target) {
        return lookup(target, false, null);
    }

    /** An iterative get_peers lookup: the result's peers are those announced under {@code infoHash}. */
    public CompletableFuture<LookupResult> getPeers(NodeId infoHash) {
        return lookup(infoHash, true, null);
    }

    /**
     * A lookup, find_node or get_peers, optionally traced event by event.
     *
     * <p>It completes when the k closest live candidates have answered; answers still on the
     * way then are ignored.
     */
    public CompletableFuture<LookupResult> lookup(NodeId target, boolean getPeers, List<TraceEvent> trace) {
        return run(new Lookup(target, config.k(), config.alpha(), nextHop, table.closest(target, config.k())), getPeers, trace)
                .thenApply(Lookup::result);
    }

    private CompletableFuture<Lookup> run(Lookup lookup, boolean getPeers, List<TraceEvent> trace) {
        CompletableFuture<Lookup> done = new CompletableFuture<>();
        step(lookup, getPeers, trace, done);
        return done;
    }

    private void step(Lookup lookup, boolean getPeers, List<TraceEvent> trace, CompletableFuture<Lookup> done) {
        if (done.isDone()) {
            return;
        }
        if (lookup.done()) {
            done.complete(lookup);
            return;
        }
        NodeId target = lookup.target();
        for (Contact to : lookup.next(node.random())) {
            int depth = lookup.depthOf(to);
            record(trace, TraceEvent.Kind.QUERY, to, target, depth, 0, 0);
            CompletableFuture<Response> answer = getPeers
                    ? query(to.address(), t -> new GetPeers(t, id, target))
                    : findNode(to.address(), target);
            answer.whenComplete((r, failure) -> {
                try {
                    if (failure != null || !r.sender().equals(to.id())) {
                        lookup.failed(to);
                        if (failure != null && !(failure instanceof KrpcException e && e.code() != 0)) {
                            table.failed(to, false);
                        }
                        record(trace, TraceEvent.Kind.TIMEOUT, to, target, depth, 0, 0);
                    } else {
                        lookup.answered(to, withoutSelf(r.nodes()), r.values(), r.token());
                        record(trace, TraceEvent.Kind.ANSWER, to, target, depth, r.nodes().size(), r.values().size());
                    }
                    step(lookup, getPeers, trace, done);
                } catch (RuntimeException e) { // a lookup policy that breaks the rules (lab 7): the lookup fails, it does not hang
                    done.completeExceptionally(e);
                }
            });
        }
        if (lookup.done() && !done.isDone()) {
            done.complete(lookup);
        }
    }

    /** Others may list this node among the closest; asking oneself would be a wasted query. */
    private List<Contact> withoutSelf(List<Contact> nodes) {
        for (Contact c : nodes) {
            if (c.id().equals(id)) {
                List<Contact> others = new ArrayList<>(nodes);
                others.removeIf(o -> o.id().equals(id));
                return others;
            }
        }
        return nodes;
    }

    private void record(List<TraceEvent> trace, TraceEvent.Kind kind, Contact c, NodeId target, int depth, int nodes, int values) {
        if (trace != null) {
            trace.add(new TraceEvent(now(), kind, c, c.id().distanceBits(target), depth, nodes, values));
        }
    }

    /**
     * Announces that this node's peer listens on {@code port} for {@code infoHash}: a get_peers
     * lookup, then announce_peer with each token to the k closest nodes that gave one.
     */
    public CompletableFuture<AnnounceResult> announce(NodeId infoHash, int port, boolean impliedPort) {
        CompletableFuture<AnnounceResult> result = new CompletableFuture<>();
        run(new Lookup(infoHash, config.k(), config.alpha(), nextHop, table.closest(infoHash, config.k())), true, null)
                .whenComplete((lookup, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                        return;
                    }
                    List<CompletableFuture<Boolean>> acks = new ArrayList<>();
                    for (Contact c : lookup.closest()) {
                        byte[] token = lookup.token(c.id());
                        if (token != null) {
                            acks.add(query(c.address(), t -> new AnnouncePeer(t, id, infoHash, port, token, impliedPort))
                                    .handle((r, f) -> f == null));
                        }
                    }
                    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).whenComplete((v, f) -> {
                        int accepted = 0;
                        for (CompletableFuture<Boolean> a : acks) {
                            accepted += a.join() ? 1 : 0;
                        }
                        result.complete(new AnnounceResult(lookup.result(), acks.size(), accepted));
                    });
                });
        return result;
    }

    /** Blocks of one download requested at once. */
    static final int WINDOW = 16;
    /** Tries per block before the download gives up on the holder. */
    static final int TRIES = 3;

    /**
     * Downloads the file {@code content} of {@code size} bytes from {@code holder}, block by
     * block: the first alone, then {@link #WINDOW} blocks in flight, each tried up to {@link #TRIES} times. The bytes
     * are not verified here (the caller checks them against the content id).
     */
    public CompletableFuture<byte[]> fetch(Address holder, ContentId content, long size, DownloadProgress progress) {
        if (size > Integer.MAX_VALUE - 8) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("files over 2 GiB do not fit in memory"));
        }
        byte[] data = new byte[(int) size];
        int blocks = (int) Math.max(1, (size + KrpcCodec.BLOCK - 1) / KrpcCodec.BLOCK);
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        int[] next = {0};
        int[] finished = {0};
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            // One block first: a holder that lacks the file costs one query, not a window of them.
            int window = finished[0] == 0 ? 1 : WINDOW;
            while (!done.isDone() && next[0] < blocks && next[0] - finished[0] < window) {
                int index = next[0]++;
                fetchBlock(holder, content, index, TRIES).whenComplete((b, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(failure);
                        return;
                    }
                    System.arraycopy(b.data(), 0, data, index * KrpcCodec.BLOCK, Math.min(b.data().length, data.length - index * KrpcCodec.BLOCK));
                    finished[0]++;
                    progress.update(Math.min(size, (long) finished[0] * KrpcCodec.BLOCK), size, 1);
                    if (finished[0] == blocks) {
                        done.complete(data);
                    } else {
                        pump[0].run();
                    }
                });
            }
        };
        pump[0].run();
        return done;
    }

    private CompletableFuture<Block> fetchBlock(Address holder, ContentId content, int index, int tries) {
        return send(holder, t -> new GetBlock(t, id, content.bytes(), index)).handle((m, failure) -> {
            if (failure == null && m instanceof Block b) {
                return CompletableFuture.completedFuture(b);
            }
            if (tries <= 1 || (failure instanceof KrpcException e && e.code() != 0)) {
                Throwable why = failure != null ? failure : new KrpcException(ErrorCode.PROTOCOL, holder + " did not answer with a block");
                return CompletableFuture.<Block>failedFuture(why);
            }
            return fetchBlock(holder, content, index, tries - 1);
        }).thenCompose(f -> f);
    }

    // ---- upkeep ----

    /** BEP 5: a bucket with no activity for 15 minutes gets a lookup of a random id in its range. */
    private void refreshIdleBuckets() {
        long now = now();
        for (Bucket b : table.idleBuckets(now, config.refreshAfter().toNanos())) {
            boolean last = b.prefix() == table.bucketCount() - 1;
            NodeId target = last ? id : id.randomWithPrefix(b.prefix(), node.random());
            table.touched(b, now);
            lookup(target, false, null);
        }
        if (store != null) {
            store.expire(now);
        }
    }

    /** Stops the refresh timer (the node is being removed for good). */
    public void stop() {
        refresher.cancel();
    }
}
