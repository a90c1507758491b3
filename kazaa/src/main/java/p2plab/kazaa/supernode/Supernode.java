package p2plab.kazaa.supernode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import p2plab.common.content.Keywords;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.kazaa.config.KazaaSettings;
import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.election.Decision;
import p2plab.kazaa.election.SupernodeView;
import p2plab.kazaa.wire.FoundFile;
import p2plab.kazaa.wire.Guid;
import p2plab.kazaa.wire.KazaaMessage;
import p2plab.kazaa.wire.KazaaMessage.AttachAck;
import p2plab.kazaa.wire.KazaaMessage.Query;
import p2plab.kazaa.wire.KazaaMessage.QueryHit;
import p2plab.kazaa.wire.KazaaMessage.RefreshList;
import p2plab.kazaa.wire.KazaaMessage.RoleChange;
import p2plab.kazaa.wire.KazaaMessage.SupernodeHello;
import p2plab.kazaa.wire.PeerRef;

/**
 * The supernode role of a peer. It indexes its children's files, keeps a bounded number of links
 * to other supernodes, answers queries from its index and floods them, TTL-limited and
 * de-duplicated by GUID, to other supernodes only; hits travel back the way the query came.
 * Every {@code review-interval} it reports its load to its neighbours and asks the election
 * whether to promote a child or step down.
 */
public final class Supernode {
    /** How many supernodes a child's refresh list names. */
    static final int LIST_FOR_CHILDREN = 8;
    /** Most files in one QueryHit; bigger answers go in several. */
    static final int FILES_PER_HIT = 500;

    private final SupernodeHost host;
    private final Node<KazaaMessage> node;
    private final KazaaSettings settings;
    private final FileIndex index = new FileIndex();
    private final QueryRoutes routes;
    private final Map<Integer, Link<KazaaMessage>> children = new LinkedHashMap<>();
    private final Map<Integer, Link<KazaaMessage>> backups = new LinkedHashMap<>();
    private final Map<Integer, Link<KazaaMessage>> neighbours = new LinkedHashMap<>();
    private final Map<Integer, PeerRef> known = new LinkedHashMap<>();
    private final Set<Integer> connecting = new HashSet<>();
    private Cancellable reviewTimer = Cancellable.NONE;
    private boolean active;

    public Supernode(SupernodeHost host) {
        this.host = host;
        this.node = host.node();
        this.settings = host.settings();
        this.routes = new QueryRoutes(settings.searchWindow().multipliedBy(2).toNanos());
    }

    /**
     * Starts serving. {@code knownSupernodes} are linked to (up to the link budget);
     * {@code promotedOn}, if not null, is the link to the supernode that promoted us, which
     * becomes our first supernode link. With {@code seekLinks} it links to known supernodes up to
     * its link budget at once; a network built from a fixed topology passes false and links by
     * {@link #linkTo}.
     */
    public void start(Collection<PeerRef> knownSupernodes, Link<KazaaMessage> promotedOn, boolean seekLinks) {
        active = true;
        index.replace(host.self(), host.sharedFiles());
        for (PeerRef r : knownSupernodes) {
            learn(r);
        }
        if (promotedOn != null && promotedOn.isOpen()) {
            PeerRef parent = null;
            for (PeerRef r : knownSupernodes) {
                if (r.address().equals(promotedOn.remote())) {
                    parent = r;
                }
            }
            if (parent != null) {
                adopt(promotedOn, parent);
            } else {
                promotedOn.close();
            }
        }
        long first = settings.reviewInterval().toNanos();
        reviewTimer = node.clock().scheduleNanos(first / 2 + node.random().nextLong(first), this::reviewAndReschedule);
        if (seekLinks) {
            maintainLinks();
        }
        host.changed();
    }

    /** Links to exactly these supernodes now (used when a network is built from a topology). */
    public void linkTo(PeerRef other) {
        learn(other);
        connectTo(other);
    }

    // ---- children ----

    public void onAttach(Link<KazaaMessage> link, KazaaMessage.Attach a) {
        if (!active) {
            return;
        }
        int id = a.self().id();
        Candidate declared = new Candidate(id, a.uploadBytesPerSec(), a.downloadBytesPerSec(), a.firewalled(), a.uptimeMillis());
        if (a.backup()) {
            boolean room = backups.size() < settings.hardChildLimit() && !children.containsKey(id);
            if (room) {
                Child standby = new Child(a.self(), declared, node.clock().nanos());
                standby.backup = true;
                link.attach(standby);
                backups.put(id, link);
            }
            link.send(new AttachAck(room, listForChildren()));
            return;
        }
        if (link.attachment() instanceof Child c && c.backup) {
            backups.remove(id); // our standby child's supernode died: it attaches for real
        }
        Link<KazaaMessage> old = children.get(id);
        if (old != null && old != link) {
            forgetChild(id);
            old.close();
        }
        if (children.size() >= settings.hardChildLimit()) {
            link.send(new AttachAck(false, listForChildren()));
            return;
        }
        link.attach(new Child(a.self(), declared, node.clock().nanos()));
        children.put(id, link);
        link.send(new AttachAck(true, listForChildren()));
        host.changed();
    }

    public void onFileList(Link<KazaaMessage> link, KazaaMessage.FileList list) {
        if (active && link.attachment() instanceof Child c && children.get(c.ref.id()) == link) {
            index.replace(c.ref, list.files());
        }
    }

    /** Our own shared files changed. */
    public void reindexSelf() {
        index.replace(host.self(), host.sharedFiles());
    }

    private void forgetChild(int id) {
        children.remove(id);
        index.remove(id);
    }

    // ---- searching ----

    /** A search this peer asks itself: answer locally (without our own files), then flood. */
    public void startQuery(Guid guid, int ttl, String keywords) {
        routes.firstSeen(guid, null, node.clock().nanos());
        answer(guid, 0, keywords, host.self().id(), null);
        flood(new Query(guid, ttl, 0, keywords), null);
    }

    public void onQuery(Link<KazaaMessage> link, Query q) {
        if (!active) {
            return;
        }
        boolean fromChild = link.attachment() instanceof Child c && !c.backup;
        boolean fromSupernode = link.attachment() instanceof Neighbour;
        if (!fromChild && !fromSupernode) {
            return; // only children and supernode links may search through us
        }
        if (!routes.firstSeen(q.guid(), link, node.clock().nanos())) {
            return; // a duplicate: answered and forwarded already
        }
        int hops = fromChild ? 0 : q.hops();
        int excluded = fromChild ? ((Child) link.attachment()).ref.id() : -1;
        answer(q.guid(), hops, q.keywords(), excluded, link);
        flood(new Query(q.guid(), q.ttl(), hops, q.keywords()), link);
    }

    /** Forwards to every supernode link but the one it came on, if TTL is left. */
    private void flood(Query q, Link<KazaaMessage> from) {
        if (q.ttl() == 0) {
            return;
        }
        Query next = new Query(q.guid(), q.ttl() - 1, q.hops() + 1, q.keywords());
        for (Link<KazaaMessage> l : neighbours.values()) {
            if (l != from) {
                l.send(next);
            }
        }
    }

    private void answer(Guid guid, int hops, String keywords, int excludedHolder, Link<KazaaMessage> back) {
        List<FoundFile> found = index.search(Keywords.of(keywords), excludedHolder);
        for (int i = 0; i < found.size(); i += FILES_PER_HIT) {
            QueryHit hit = new QueryHit(guid, hops, host.self(), found.subList(i, Math.min(found.size(), i + FILES_PER_HIT)));
            if (back == null) {
                host.onOwnHit(hit);
            } else {
                back.send(hit);
            }
        }
    }

    public void onQueryHit(QueryHit hit) {
        QueryRoutes.Route route = routes.route(hit.guid());
        if (route == null) {
            return; // not a query we saw: drop it
        }
        if (route.back() == null) {
            host.onOwnHit(hit);
        } else if (route.back().isOpen()) {
            route.back().send(hit);
        }
    }

    // ---- supernode links ----

    public void onHello(Link<KazaaMessage> link, SupernodeHello hello) {
        if (!active) {
            return;
        }
        PeerRef other = hello.self();
        if (link.attachment() instanceof Child c) {
            if (!c.promoted) {
                return; // a child cannot open a supernode link on its attachment
            }
            adopt(link, other);
            shedChildrenTo(other);
        } else if (!(link.attachment() instanceof Neighbour)) {
            Link<KazaaMessage> existing = neighbours.get(other.id());
            if (existing != null && existing != link) {
                // Both ends opened a link at once: keep the one the lower id opened.
                boolean keepNew = link.outbound() == (host.self().id() < other.id());
                if (!keepNew) {
                    link.close();
                    return;
                }
                existing.attach(null);
                existing.close();
                neighbours.remove(other.id());
            }
            if (neighbours.size() >= 2 * settings.links()) {
                link.send(new RoleChange(RoleChange.Change.DEMOTE, neighbourRefs())); // "not as your supernode link"
                link.close();
                return;
            }
            adopt(link, other);
        }
        Neighbour n = (Neighbour) link.attachment();
        n.children = hello.children();
        for (PeerRef r : hello.known()) {
            learn(r);
        }
    }

    private void adopt(Link<KazaaMessage> link, PeerRef other) {
        Neighbour n = new Neighbour(other);
        link.attach(n);
        neighbours.put(other.id(), link);
        connecting.remove(other.id());
        learn(other);
        sayHello(link);
        refreshChildren();
        host.changed();
    }

    private void sayHello(Link<KazaaMessage> link) {
        ((Neighbour) link.attachment()).helloSent = true;
        link.send(new SupernodeHello(host.self(), children.size(), sample(known.values(), LIST_FOR_CHILDREN)));
    }

    private void connectTo(PeerRef other) {
        if (other.id() == host.self().id() || neighbours.containsKey(other.id()) || !connecting.add(other.id())) {
            return;
        }
        node.connect(other.address()).whenComplete((link, error) -> {
            connecting.remove(other.id());
            if (error != null) {
                known.remove(other.id());
                return;
            }
            if (!active || neighbours.containsKey(other.id())) {
                link.close();
                return;
            }
            adopt(link, other);
        });
    }

    /** A neighbour says it is no (longer a) supernode. */
    public void onNeighbourDemoted(Link<KazaaMessage> link, RoleChange rc) {
        if (link.attachment() instanceof Neighbour n) {
            neighbours.remove(n.ref.id());
            known.remove(n.ref.id());
            link.attach(null);
        }
        link.close();
        for (PeerRef r : rc.supernodes()) {
            learn(r);
        }
        refreshChildren();
        maintainLinks();
        host.changed();
    }

    public void onClosed(Link<KazaaMessage> link) {
        if (link.attachment() instanceof Child c && c.backup) {
            backups.remove(c.ref.id(), link);
        } else if (link.attachment() instanceof Child c && children.get(c.ref.id()) == link) {
            forgetChild(c.ref.id());
            host.changed();
        } else if (link.attachment() instanceof Neighbour n && neighbours.get(n.ref.id()) == link) {
            neighbours.remove(n.ref.id());
            known.remove(n.ref.id());
            if (active) {
                refreshChildren();
                maintainLinks();
            }
            host.changed();
        }
    }

    private void maintainLinks() {
        if (!active || neighbours.size() + connecting.size() >= settings.links()) {
            return;
        }
        List<PeerRef> candidates = new ArrayList<>();
        for (PeerRef r : known.values()) {
            if (r.id() != host.self().id() && !neighbours.containsKey(r.id()) && !connecting.contains(r.id())) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            for (PeerRef r : host.bootstrap()) {
                if (r.id() != host.self().id() && !neighbours.containsKey(r.id()) && !connecting.contains(r.id())) {
                    learn(r);
                    candidates.add(r);
                }
            }
        }
        int wanted = settings.links() - neighbours.size() - connecting.size();
        for (PeerRef r : sample(candidates, wanted)) {
            connectTo(r);
        }
    }

    private void learn(PeerRef r) {
        if (r.id() != host.self().id() && (known.size() < KazaaMessage.MAX_LIST || known.containsKey(r.id()))) {
            known.put(r.id(), r);
        }
    }

    // ---- election ----

    private void reviewAndReschedule() {
        if (!active) {
            return;
        }
        review();
        if (active) {
            reviewTimer = node.clock().schedule(settings.reviewInterval(), this::reviewAndReschedule);
        }
    }

    /** Reports load to the neighbours, relinks if isolated, and applies the election's decision. */
    public void review() {
        for (Link<KazaaMessage> l : neighbours.values()) {
            sayHello(l);
        }
        if (neighbours.isEmpty()) {
            maintainLinks(); // cut off: find other supernodes (links lost later are replaced as they go)
        }
        Decision d = host.election().review(view());
        if (d instanceof Decision.Promote p) {
            promote(p.childId());
        } else if (d instanceof Decision.Demote) {
            demote();
        }
    }

    public SupernodeView view() {
        long now = node.clock().nanos();
        List<Candidate> kids = new ArrayList<>(children.size());
        for (Link<KazaaMessage> l : children.values()) {
            Child c = (Child) l.attachment();
            if (!c.promoted) {
                kids.add(c.now(now));
            }
        }
        List<SupernodeView.Load> loads = new ArrayList<>();
        for (Link<KazaaMessage> l : neighbours.values()) {
            Neighbour n = (Neighbour) l.attachment();
            loads.add(new SupernodeView.Load(n.ref.id(), n.children));
        }
        return new SupernodeView(host.candidate(), kids, loads, settings.election());
    }

    private void promote(int childId) {
        Link<KazaaMessage> link = children.get(childId);
        if (link == null || !(link.attachment() instanceof Child c)) {
            return; // the election named someone who is not our child
        }
        c.promoted = true;
        forgetChild(childId);
        List<PeerRef> list = new ArrayList<>();
        list.add(host.self());
        list.addAll(sample(known.values(), LIST_FOR_CHILDREN));
        link.send(new RoleChange(RoleChange.Change.PROMOTE, list));
        host.changed();
    }

    /** The child we promoted is a supernode now: move the younger half of our children to it. */
    private void shedChildrenTo(PeerRef promoted) {
        List<Link<KazaaMessage>> all = new ArrayList<>(children.values());
        List<PeerRef> target = new ArrayList<>();
        target.add(promoted);
        target.add(host.self());
        for (Link<KazaaMessage> l : all.subList(all.size() - all.size() / 2, all.size())) {
            l.send(new RefreshList(true, target));
        }
    }

    private void demote() {
        active = false;
        reviewTimer.cancel();
        List<PeerRef> others = neighbourRefs();
        if (others.isEmpty()) {
            others = sample(known.values(), LIST_FOR_CHILDREN);
        }
        for (Link<KazaaMessage> l : new ArrayList<>(neighbours.values())) {
            l.send(new RoleChange(RoleChange.Change.DEMOTE, others));
            l.attach(null);
            l.close();
        }
        neighbours.clear();
        for (Link<KazaaMessage> l : new ArrayList<>(children.values())) {
            List<PeerRef> shuffled = sample(others, others.size());
            l.send(new RefreshList(true, shuffled));
            l.attach(null);
            l.close();
        }
        children.clear();
        for (Link<KazaaMessage> l : new ArrayList<>(backups.values())) {
            l.attach(null);
            l.close();
        }
        backups.clear();
        host.stepDown(others);
    }

    /** Stops without a word (the peer crashed or closed). */
    public void stop() {
        active = false;
        reviewTimer.cancel();
    }

    // ---- lists ----

    private List<PeerRef> neighbourRefs() {
        List<PeerRef> refs = new ArrayList<>();
        for (Link<KazaaMessage> l : neighbours.values()) {
            refs.add(((Neighbour) l.attachment()).ref);
        }
        return refs;
    }

    /** Supernodes a child may fail over to: our neighbours first, then others we know. */
    private List<PeerRef> listForChildren() {
        List<PeerRef> list = new ArrayList<>(neighbourRefs());
        for (PeerRef r : known.values()) {
            if (list.size() >= LIST_FOR_CHILDREN) {
                break;
            }
            if (!neighbours.containsKey(r.id())) {
                list.add(r);
            }
        }
        return list.size() > LIST_FOR_CHILDREN ? list.subList(0, LIST_FOR_CHILDREN) : list;
    }

    private void refreshChildren() {
        if (children.isEmpty()) {
            return;
        }
        RefreshList refresh = new RefreshList(false, listForChildren());
        for (Link<KazaaMessage> l : children.values()) {
            l.send(refresh);
        }
    }

    /** Up to {@code n} of {@code from}, in a random order. */
    private List<PeerRef> sample(Collection<PeerRef> from, int n) {
        List<PeerRef> pool = new ArrayList<>(from);
        int k = Math.min(n, pool.size());
        for (int i = 0; i < k; i++) {
            int j = i + node.random().nextInt(pool.size() - i);
            PeerRef t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return new ArrayList<>(pool.subList(0, k));
    }

    // ---- for display and tests ----

    public int childCount() {
        return children.size();
    }

    public List<Integer> childIds() {
        return List.copyOf(children.keySet());
    }

    /** Nodes that keep a standby link to us. */
    public int backupCount() {
        return backups.size();
    }

    public List<Integer> neighbourIds() {
        return List.copyOf(neighbours.keySet());
    }

    public int indexedFiles() {
        return index.files();
    }

    public boolean isActive() {
        return active;
    }
}
