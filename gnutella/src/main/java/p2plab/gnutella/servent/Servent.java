package p2plab.gnutella.servent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.overlay.OverlayException;
import p2plab.common.time.Cancellable;
import p2plab.common.time.Clock;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.PeerHandler;
import p2plab.gnutella.message.Bye;
import p2plab.gnutella.message.Descriptor;
import p2plab.gnutella.message.GetRequest;
import p2plab.gnutella.message.GetResponse;
import p2plab.gnutella.message.GnutellaMessage;
import p2plab.gnutella.message.Guid;
import p2plab.gnutella.message.Handshake;
import p2plab.gnutella.message.Ping;
import p2plab.gnutella.message.Pong;
import p2plab.gnutella.message.Query;
import p2plab.gnutella.message.QueryHit;
import p2plab.gnutella.routing.ForwardingRule;
import p2plab.gnutella.routing.Neighbour;
import p2plab.gnutella.routing.QueryInfo;
import p2plab.gnutella.routing.SeenTable;

/**
 * A Gnutella 0.6 servent: client and server in one. It reacts to the transport (a connection
 * opened or closed, a message arrived), to its timers and to commands (join, search, download),
 * one event at a time on its node's thread; it sends through links and keeps time with its
 * node's clock, nothing else. Other threads call nothing here but through the node's
 * {@code execute}, and read only what it publishes ({@link #neighbourAddresses()},
 * {@link #knownHosts()}, {@link #seenTableEvictions()}).
 *
 * <p>The rules it keeps: a Ping or Query whose (GUID, type) it has seen is dropped; one it has
 * not seen is answered and, while its TTL allows, passed on with TTL - 1 and hops + 1 to the
 * neighbours its {@link ForwardingRule} picks. Pongs and QueryHits are not broadcast: each goes
 * back on the connection its Ping or Query came in on, and is dropped if that GUID is unknown.
 */
public final class Servent implements PeerHandler<GnutellaMessage> {
    private final ServentConfig config;
    private final ForwardingRule rule;
    private final SharedFiles files;
    private final SeenTable<Connection> seen;
    private final PongCache pongs = new PongCache(ServentConfig.PONG_CACHE_SIZE);
    private final FoundSources found = new FoundSources();
    private final List<Connection> neighbours = new ArrayList<>(4);
    /** What other threads (the network's topology view) may read, republished here after each change. */
    private volatile List<Address> publishedNeighbours = List.of();
    private volatile int publishedKnownHosts;
    private volatile long publishedSeenEvictions;
    // Small lists and maps made on first use and dropped when empty again: a simulation holds a
    // million servents, and most of them dial, search and wait for nothing most of the time.
    private List<Address> dialing = List.of();
    private Map<Guid, Search> searchesByGuid = Map.of();
    private List<Search> searches = List.of();
    private Node<GnutellaMessage> node;
    private Guid serventId;
    private Cancellable repairTimer;
    private int repairsWithoutProgress;
    private List<DegreeWaiter> degreeWaiters = List.of();

    private record DegreeWaiter(int degree, CompletableFuture<Void> done) {
    }

    public Servent(ServentConfig config, ForwardingRule rule, SharedFiles files) {
        this.config = config;
        this.rule = rule;
        this.files = files;
        this.seen = new SeenTable<>(config.seenLifetime().toNanos(), ServentConfig.SEEN_TABLE_CAPACITY);
    }

    /** Binds the servent to the node the transport opened for it. */
    public void start(Node<GnutellaMessage> node) {
        this.node = node;
    }

    // ---- commands (run on the node's thread) ----

    /** Opens a connection to {@code remote} and runs the 0.6 handshake; completes true once it is a neighbour. */
    public CompletableFuture<Boolean> connectTo(Address remote) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (remote.equals(node.address()) || isNeighbour(remote) || dialing.contains(remote)) {
            done.complete(false);
            return done;
        }
        dialing = added(dialing, remote);
        node.connect(remote).whenComplete((link, error) -> {
            dialing = removed(dialing, remote);
            if (error != null) {
                forgetHost(remote);
                done.complete(false);
                scheduleRepair();
                return;
            }
            Connection c = connection(link);
            c.state = Connection.State.AWAIT_RESPONSE;
            c.handshake = done;
            c.send(Handshake.connect(myHeaders()));
        });
        return done;
    }

    /**
     * Joins through {@code knownHosts}, then discovers more servents with Ping/Pong until it has
     * its target degree. The future completes once every one of these first handshakes has
     * ended, accepted or not, so a caller that waits for it sees the same neighbours on both drivers.
     */
    public CompletableFuture<Void> join(List<Address> knownHosts) {
        repairsWithoutProgress = 0;
        List<CompletableFuture<Boolean>> tries = new ArrayList<>();
        for (Address a : knownHosts) {
            learnHost(a);
            tries.add(connectTo(a));
        }
        CompletableFuture<Void> tried = CompletableFuture.allOf(tries.toArray(CompletableFuture[]::new));
        tried.whenComplete((v, e) -> {
            if (neighbours.size() < config.targetDegree()) {
                discover();
                scheduleRepair();
            }
        });
        return tried;
    }

    /** Starts a search; the future completes when {@code window} of protocol time has passed. */
    public CompletableFuture<SearchOutcome> search(String text, int ttl, Duration window, SearchTracer tracer) {
        List<Integer> rounds = rule.rounds(ttl);
        if (rounds.isEmpty() || rounds.stream().anyMatch(t -> t < 1 || t > ServentConfig.MAX_TTL)) {
            throw new IllegalArgumentException("every round's TTL must be 1.." + ServentConfig.MAX_TTL + ", got " + rounds);
        }
        Clock clock = node.clock();
        Search s = new Search(text, tracer, clock.nanos());
        searches = added(searches, s);
        s.timer = clock.schedule(window, () -> finish(s));
        startRound(s, rounds, 0, window.toNanos() / rounds.size());
        return s.result();
    }

    /**
     * Downloads {@code content} from a holder this servent's own searches found, in the order
     * found, trying the next when one fails. It knows no other source: a file it has not found
     * fails at once with a hint to search first.
     */
    public CompletableFuture<DownloadOutcome> download(ContentId content, DownloadProgress progress) {
        List<FoundFile> holders = new ArrayList<>(found.holdersOf(content));
        holders.removeIf(h -> h.holder().equals(node.address()));
        CompletableFuture<DownloadOutcome> result = new CompletableFuture<>();
        if (holders.isEmpty()) {
            result.completeExceptionally(new OverlayException(node.label() + "'s searches found no other holder of "
                    + content.shortHex() + "; `search` for it from " + node.label() + " first"));
        } else {
            tryHolders(holders, 0, progress, result);
        }
        return result;
    }

    private void tryHolders(List<FoundFile> holders, int next, DownloadProgress progress, CompletableFuture<DownloadOutcome> result) {
        downloadFrom(holders.get(next), progress).whenComplete((outcome, error) -> {
            if (error == null) {
                result.complete(outcome);
            } else if (next + 1 < holders.size() && node.isAlive()) {
                tryHolders(holders, next + 1, progress, result);
            } else {
                result.completeExceptionally(error);
            }
        });
    }

    /** Downloads {@code source} directly from its holder, on a connection of its own. */
    private CompletableFuture<DownloadOutcome> downloadFrom(FoundFile source, DownloadProgress progress) {
        Download d = new Download(source, progress, config.chunkBytes(), node.clock());
        node.connect(source.holder()).whenComplete((link, error) -> {
            if (error != null) {
                d.fail("cannot reach " + source.holder() + " (" + error.getMessage() + ")");
                return;
            }
            Connection c = connection(link);
            c.state = Connection.State.DOWNLOAD;
            c.download = d;
            d.start(c);
        });
        return d.result();
    }

    /** Completes once this servent has at least {@code degree} neighbours (both ends of a handshake count only when done). */
    public CompletableFuture<Void> whenDegreeAtLeast(int degree) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (neighbours.size() >= degree) {
            done.complete(null);
        } else {
            degreeWaiters = added(degreeWaiters, new DegreeWaiter(degree, done));
        }
        return done;
    }

    /** Ends every running search now with the hits it has (this servent is leaving). */
    private void abandonSearches() {
        for (Search s : List.copyOf(searches)) {
            s.finish(node.clock().nanos());
        }
    }

    /** Says Bye to every neighbour and closes. */
    public void leave() {
        for (Connection c : neighbours) {
            c.send(new Descriptor(Guid.random(random()), 1, 0, new Bye(200, "servent leaving")));
        }
        abandonSearches();
        node.close();
    }

    public void share(Content content) {
        files.add(content);
    }

    // ---- transport events ----

    @Override
    public void onConnected(Link<GnutellaMessage> link) {
        link.attach(new Connection(link, link.outbound() ? Connection.State.OPENED : Connection.State.ACCEPTED));
    }

    @Override
    public void onMessage(Link<GnutellaMessage> link, GnutellaMessage message) {
        Connection c = connection(link);
        if (message instanceof Descriptor d) {
            if (c.state != Connection.State.NEIGHBOUR) {
                link.close(); // descriptors before the handshake: not a servent we talk to
                return;
            }
            onDescriptor(c, d);
        } else if (message instanceof Handshake h) {
            onHandshake(c, h);
        } else if (message instanceof GetRequest g) {
            onGet(c, g);
        } else if (message instanceof GetResponse r && c.state == Connection.State.DOWNLOAD) {
            c.download.onResponse(r);
        } else {
            link.close();
        }
    }

    @Override
    public void onWritable(Link<GnutellaMessage> link) {
        connection(link).drain();
    }

    @Override
    public void onClosed(Link<GnutellaMessage> link, String reason) {
        Connection c = connection(link);
        c.clear();
        switch (c.state) {
            case NEIGHBOUR -> {
                neighbours.remove(c);
                publishNeighbours();
                repairsWithoutProgress = 0;
                scheduleRepair();
            }
            case AWAIT_RESPONSE -> {
                c.handshake.complete(false);
                scheduleRepair();
            }
            case DOWNLOAD -> c.download.onClosed(reason);
            default -> { }
        }
        c.state = Connection.State.OPENED;
    }

    // ---- the handshake ----

    private void onHandshake(Connection c, Handshake h) {
        switch (c.state) {
            case ACCEPTED -> {
                if (!h.isConnect()) {
                    c.link.close();
                    return;
                }
                String listenIp = h.header("Listen-IP");
                if (!HandshakeHeaders.names(listenIp, c.listening)) { // the usual case: what we hold already
                    Address listening = HandshakeHeaders.address(listenIp);
                    if (listening != null && !listening.equals(c.listening)) { // equal: keep the one we hold
                        c.listening = listening;
                    }
                }
                if (neighbours.size() >= config.maxDegree() || isNeighbour(c.listening)) {
                    c.send(Handshake.refuse(503, "Too many connections", tryHeaders()));
                    c.link.close();
                    return;
                }
                c.send(Handshake.ok(HandshakeHeaders.mineAndTry(node.address(), neighbourAddresses())));
                c.state = Connection.State.AWAIT_CONFIRM;
            }
            case AWAIT_CONFIRM -> {
                if (h.accepted()) {
                    becomeNeighbour(c);
                } else {
                    c.link.close();
                }
            }
            case AWAIT_RESPONSE -> {
                learnTryHeader(h.header("X-Try"));
                if (h.accepted()) {
                    c.send(Handshake.ok(HandshakeHeaders.CONFIRM));
                    becomeNeighbour(c);
                    c.handshake.complete(true);
                    c.handshake = null; // settled: a connection lives long, its handshake need not
                } else {
                    c.state = Connection.State.OPENED;
                    c.link.close();
                    c.handshake.complete(false);
                    scheduleRepair();
                }
            }
            default -> c.link.close();
        }
    }

    private void becomeNeighbour(Connection c) {
        c.state = Connection.State.NEIGHBOUR;
        neighbours.add(c);
        publishNeighbours();
        learnHost(c.listening);
        if (neighbours.size() >= config.targetDegree()) {
            repairsWithoutProgress = 0;
        }
        if (!degreeWaiters.isEmpty()) {
            degreeWaiters.removeIf(w -> {
                if (neighbours.size() >= w.degree()) {
                    w.done().complete(null);
                    return true;
                }
                return false;
            });
            if (degreeWaiters.isEmpty()) {
                degreeWaiters = List.of();
            }
        }
    }

    private Map<String, String> myHeaders() {
        return HandshakeHeaders.mine(node.address());
    }

    private Map<String, String> tryHeaders() {
        return HandshakeHeaders.tryList(neighbourAddresses());
    }

    private void learnTryHeader(String value) {
        if (value == null) {
            return;
        }
        long me = PackedAddress.of(node.address());
        HandshakeHeaders.readTry(value, a -> {
            if (a != me) {
                pongs.addPacked(a);
                publishedKnownHosts = pongs.size();
            }
        }, a -> {
            if (!a.equals(node.address())) {
                learnHost(a);
            }
        });
    }

    // ---- descriptors ----

    private void onDescriptor(Connection c, Descriptor d) {
        if (d.ttl() == 0 || d.ttl() + d.hops() > ServentConfig.MAX_TTL) {
            return; // expired on the way, or sent with more than the 0.6 maximum TTL: dropped
        }
        switch (d.payload().typeCode()) {
            case Ping.TYPE -> onPing(c, d);
            case Pong.TYPE -> onPong(c, d);
            case Query.TYPE -> onQuery(c, d);
            case QueryHit.TYPE -> onQueryHit(c, d);
            case Bye.TYPE -> onBye(c);
            default -> { }
        }
    }

    private void onPing(Connection from, Descriptor ping) {
        if (!firstSighting(ping.guid(), Ping.TYPE, from)) {
            return;
        }
        int back = Math.min(ServentConfig.MAX_TTL, ping.hops() + 1);
        from.send(new Descriptor(ping.guid(), back, 0, myPong()));
        if (ping.ttl() > 1) {
            // Pong caching: answer for others from the cache, and only flood on when it is thin.
            List<Pong> cached = pongs.newest(ServentConfig.PONGS_PER_PING,
                    a -> !a.equals(from.listening) && !a.equals(node.address()));
            for (Pong p : cached) {
                from.send(new Descriptor(ping.guid(), back, 0, p));
            }
            if (cached.size() < ServentConfig.PONGS_PER_PING) {
                Descriptor copy = ping.forwarded();
                for (Connection n : neighbours) {
                    if (n != from) {
                        n.send(copy);
                    }
                }
            }
        }
    }

    private void onPong(Connection from, Descriptor d) {
        Pong pong = (Pong) d.payload();
        if (!pong.address().equals(node.address())) {
            learnHost(pong);
        }
        if (!seen.knows(d.guid(), Ping.TYPE, now())) {
            return; // a Pong for a Ping we never saw: dropped
        }
        Connection back = seen.routeOf(d.guid(), Ping.TYPE, now());
        if (back != null && d.ttl() > 1 && back.state == Connection.State.NEIGHBOUR) {
            back.send(d.forwarded());
        }
    }

    private void onQuery(Connection from, Descriptor d) {
        if (!firstSighting(d.guid(), Query.TYPE, from)) {
            return; // a duplicate: never handled or forwarded twice
        }
        answer(from, d);
        if (d.ttl() > 1) {
            sendQuery(d.forwarded(), from, false);
        }
    }

    private void onQueryHit(Connection from, Descriptor d) {
        if (!seen.knows(d.guid(), Query.TYPE, now())) {
            return; // no Query with this GUID came through here: dropped
        }
        from.countHit();
        Connection back = seen.routeOf(d.guid(), Query.TYPE, now());
        if (back == null) {
            Search s = searchesByGuid.get(d.guid());
            if (s != null) {
                for (FoundFile f : Answers.found((QueryHit) d.payload(), d.hops() + 1)) {
                    s.add(f, now());
                }
            }
        } else if (d.ttl() > 1 && back.state == Connection.State.NEIGHBOUR) {
            back.send(d.forwarded());
        }
    }

    private void onBye(Connection from) {
        from.link.close();
    }

    private void onGet(Connection c, GetRequest get) {
        if (c.state != Connection.State.ACCEPTED && c.state != Connection.State.UPLOAD) {
            c.link.close();
            return;
        }
        c.state = Connection.State.UPLOAD;
        c.send(Uploader.answer(files, get));
    }

    // ---- queries ----

    private void startRound(Search s, List<Integer> rounds, int round, long gapNanos) {
        if (s.done() || (round > 0 && s.hasHits()) || !node.isAlive()) {
            return;
        }
        Guid guid = Guid.random(random());
        s.tracer.opened(guid);
        s.addRound(guid);
        if (searchesByGuid.isEmpty()) {
            searchesByGuid = new HashMap<>(4);
        }
        searchesByGuid.put(guid, s);
        firstSighting(guid, Query.TYPE, null);
        sendQuery(new Descriptor(guid, rounds.get(round), 0, new Query(0, s.text)), null, true);
        if (round + 1 < rounds.size()) {
            node.clock().scheduleNanos(gapNanos, () -> startRound(s, rounds, round + 1, gapNanos));
        }
    }

    /** Sends {@code copy} to the neighbours the rule picks among all but {@code from}, each at most once. */
    private void sendQuery(Descriptor copy, Connection from, boolean originated) {
        List<Neighbour> candidates = new ArrayList<>(neighbours.size());
        for (Connection n : neighbours) {
            if (n != from) {
                candidates.add(n);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Query q = (Query) copy.payload();
        List<Neighbour> view = Collections.unmodifiableList(candidates);
        List<Neighbour> chosen = rule.choose(new QueryInfo(copy.guid(), q.text(), copy.ttl(), copy.hops(), originated),
                view, random());
        if (chosen == view) {
            for (Neighbour n : candidates) {
                ((Connection) n).send(copy);
            }
            return;
        }
        Set<Neighbour> sent = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Neighbour n : chosen) {
            if (candidates.contains(n) && sent.add(n)) { // a rule cannot make us send twice or off-list
                ((Connection) n).send(copy);
            }
        }
    }

    /** Answers a Query from the shared files, in as many QueryHits as needed, back where it came from. */
    private void answer(Connection to, Descriptor query) {
        List<Integer> matches = files.matching(((Query) query.payload()).text());
        if (matches.isEmpty()) {
            return;
        }
        int ttl = Math.min(ServentConfig.MAX_TTL, query.hops() + 1);
        for (QueryHit hit : Answers.hits(files, matches, node.address(), serventId())) {
            to.send(new Descriptor(query.guid(), ttl, 0, hit));
        }
    }

    private void finish(Search s) {
        s.finish(now());
        s.result().thenAccept(outcome -> outcome.hits().forEach(found::add)); // done already: runs now
        searches = removed(searches, s);
        if (!searchesByGuid.isEmpty()) {
            for (var g : s.guids()) {
                searchesByGuid.remove(g);
            }
            if (searchesByGuid.isEmpty()) {
                searchesByGuid = Map.of(); // the table goes with the last search
            }
        }
    }

    // ---- keeping the degree up ----

    private void scheduleRepair() {
        if (repairTimer != null || !node.isAlive() || neighbours.size() + dialing.size() >= config.targetDegree()
                || repairsWithoutProgress >= config.repairAttempts()) {
            return;
        }
        repairTimer = node.clock().schedule(config.repairDelay(), this::repair);
    }

    /** Connects to servents from the pong cache; pings for more when the cache runs dry. */
    private void repair() {
        repairTimer = null;
        int missing = config.targetDegree() - neighbours.size() - dialing.size();
        if (missing <= 0) {
            return;
        }
        repairsWithoutProgress++;
        List<Pong> candidates = pongs.newest(ServentConfig.PONG_CACHE_SIZE,
                a -> !a.equals(node.address()) && !isNeighbour(a) && !dialing.contains(a));
        RandomGenerator random = random();
        for (int i = 0; i < missing && !candidates.isEmpty(); i++) {
            Pong p = candidates.remove(random.nextInt(candidates.size()));
            connectTo(p.address());
        }
        if (candidates.size() < missing) {
            discover();
        }
        scheduleRepair();
    }

    /** Pings the neighbours (TTL {@link ServentConfig#discoveryTtl}) to fill the pong cache. */
    private void discover() {
        if (neighbours.isEmpty()) {
            return;
        }
        Guid guid = Guid.random(random());
        firstSighting(guid, Ping.TYPE, null);
        Descriptor ping = new Descriptor(guid, config.discoveryTtl(), 0, Ping.INSTANCE);
        for (Connection n : neighbours) {
            n.send(ping);
        }
    }

    // ---- views ----

    private void publishNeighbours() {
        Address[] view = new Address[neighbours.size()];
        for (int i = 0; i < view.length; i++) {
            view[i] = neighbours.get(i).listening;
        }
        publishedNeighbours = List.of(view);
    }

    /** The seen-table's verdict on (guid, type); evictions from a full table are published as they happen. */
    private boolean firstSighting(Guid guid, int type, Connection from) {
        boolean first = seen.firstSighting(guid, type, from, now());
        if (seen.evicted() != publishedSeenEvictions) { // rare: written only when it changed
            publishedSeenEvictions = seen.evicted();
        }
        return first;
    }

    private void learnHost(Pong pong) {
        pongs.add(pong);
        publishedKnownHosts = pongs.size();
    }

    /** A servent known by its address only (a neighbour, an X-Try entry): a Pong sharing nothing. */
    private void learnHost(Address address) {
        pongs.add(address);
        publishedKnownHosts = pongs.size();
    }

    private void forgetHost(Address address) {
        pongs.forget(address);
        publishedKnownHosts = pongs.size();
    }

    private Pong myPong() {
        return new Pong(node.address(), files.size(), Math.min(files.kilobytes(), 0xFFFF_FFFFL));
    }

    private boolean isNeighbour(Address a) {
        for (Connection n : neighbours) {
            if (n.listening.equals(a)) {
                return true;
            }
        }
        return false;
    }

    private long now() {
        return node.clock().nanos();
    }

    /**
     * The node's seeded randomness, whose first 16 bytes are this servent's id. Both are made
     * on first use, so the draws come in the same order as if the id were drawn at start: a
     * million servents wired and never asked anything hold neither.
     */
    private RandomGenerator random() {
        serventId();
        return node.random();
    }

    private Guid serventId() {
        if (serventId == null) {
            serventId = Guid.random(node.random());
        }
        return serventId;
    }

    /** {@code list} with {@code item} added: a list of its own is made for the first item. */
    private static <T> List<T> added(List<T> list, T item) {
        List<T> out = list.isEmpty() ? new ArrayList<>(4) : list;
        out.add(item);
        return out;
    }

    /** {@code list} without {@code item}: the shared empty list once nothing is left. */
    private static <T> List<T> removed(List<T> list, T item) {
        if (list.isEmpty()) {
            return list;
        }
        list.remove(item);
        return list.isEmpty() ? List.of() : list;
    }

    private static Connection connection(Link<GnutellaMessage> link) {
        Object a = link.attachment();
        if (a instanceof Connection c) {
            return c;
        }
        Connection c = new Connection(link, link.outbound() ? Connection.State.OPENED : Connection.State.ACCEPTED);
        link.attach(c);
        return c;
    }

    public Node<GnutellaMessage> node() {
        return node;
    }

    public boolean isAlive() {
        return node != null && node.isAlive();
    }

    public Address address() {
        return node.address();
    }

    /** Listening addresses of the current neighbours, as last published (safe from any thread). */
    public List<Address> neighbourAddresses() {
        return publishedNeighbours;
    }

    public int degree() {
        return publishedNeighbours.size();
    }

    public SharedFiles files() {
        return files;
    }

    public ServentConfig config() {
        return config;
    }

    /** Addresses in the pong cache, as last published (for display; safe from any thread). */
    public int knownHosts() {
        return publishedKnownHosts;
    }

    public int seenTableSize() {
        return seen.size();
    }

    /** Seen-table entries pushed out early by a full table, as last published (safe from any thread). */
    public long seenTableEvictions() {
        return publishedSeenEvictions;
    }
}
