package p2plab.kazaa.supernode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import p2plab.kazaa.wire.SharedFile;

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
    /**
     * Most files indexed for one child; the rest of a longer list is left out. A FileList may
     * name 65,535 files (4 MiB), and a supernode has up to twice max-children children: without
     * it, children sharing all they could cost a supernode gigabytes and every query a scan of millions.
     */
    public static final int MAX_FILES_PER_CHILD = 5_000;

    private final SupernodeHost host;
    private final Node<KazaaMessage> node;
    private final KazaaSettings settings;
    private final FileIndex index = new FileIndex();
    private final QueryRoutes routes;
    private final Map<Integer, Link<KazaaMessage>> children = new LinkedHashMap<>();
    private final Map<Integer, Link<KazaaMessage>> backups = new LinkedHashMap<>();
    /** {@link #childIds}, made when first asked after the children changed: the peer's status reads it after every message. */
    private List<Integer> childIds;
    private final SupernodeLinks links;
    private Cancellable reviewTimer = Cancellable.NONE;
    private boolean active;

    public Supernode(SupernodeHost host) {
        this.host = host;
        this.node = host.node();
        this.settings = host.settings();
        this.routes = new QueryRoutes(settings.searchWindow().multipliedBy(2).toNanos());
        this.links = new SupernodeLinks(host, children::size, () -> {
            refreshChildren();
            host.changed();
        });
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
            links.learn(r);
        }
        if (promotedOn != null && promotedOn.isOpen()) {
            PeerRef parent = null;
            for (PeerRef r : knownSupernodes) {
                if (r.address().equals(promotedOn.remote())) {
                    parent = r;
                }
            }
            if (parent != null) {
                links.adopt(promotedOn, parent);
            } else {
                promotedOn.close();
            }
        }
        long first = settings.reviewInterval().toNanos();
        reviewTimer = node.clock().scheduleNanos(first / 2 + node.random().nextLong(first), this::reviewAndReschedule);
        if (seekLinks) {
            links.maintain();
        }
        host.changed();
    }

    /** Links to exactly these supernodes now (used when a network is built from a topology). */
    public void linkTo(PeerRef other) {
        links.linkTo(other);
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
        childIds = null;
        link.send(new AttachAck(true, listForChildren()));
        host.changed();
    }

    public void onFileList(Link<KazaaMessage> link, KazaaMessage.FileList list) {
        if (active && link.attachment() instanceof Child c && children.get(c.ref.id()) == link) {
            List<SharedFile> files = list.files();
            index.replace(c.ref, files.size() > MAX_FILES_PER_CHILD ? files.subList(0, MAX_FILES_PER_CHILD) : files);
        }
    }

    /** Our own shared files changed. */
    public void reindexSelf() {
        index.replace(host.self(), host.sharedFiles());
    }

    private void forgetChild(int id) {
        children.remove(id);
        childIds = null;
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
        links.forward(new Query(q.guid(), q.ttl() - 1, q.hops() + 1, q.keywords()), from);
    }

    private void answer(Guid guid, int hops, String keywords, int excludedHolder, Link<KazaaMessage> back) {
        List<FoundFile> found = index.search(Keywords.of(keywords), excludedHolder);
        for (int i = 0; i < found.size(); i += FILES_PER_HIT) {
            QueryHit hit = new QueryHit(guid, hops, host.self(), found.subList(i, Math.min(found.size(), i + FILES_PER_HIT)));
            if (back == null) {
                host.onOwnHit(hit);
            } else {
                host.sendQueued(back, hit);
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
            host.sendQueued(route.back(), hit);
        }
    }

    // ---- supernode links ----

    public void onHello(Link<KazaaMessage> link, SupernodeHello hello) {
        if (!active) {
            return;
        }
        if (link.attachment() instanceof Child c) {
            if (!c.promoted) {
                return; // a child cannot open a supernode link on its attachment
            }
            links.adopt(link, hello.self()); // the child we promoted: its attachment becomes a supernode link
            links.heard(link, hello);
            shedChildrenTo(hello.self());
            return;
        }
        links.onHello(link, hello);
    }

    /** A neighbour says it is no (longer a) supernode. */
    public void onNeighbourDemoted(Link<KazaaMessage> link, RoleChange rc) {
        links.onDemoted(link, rc);
    }

    public void onClosed(Link<KazaaMessage> link) {
        if (link.attachment() instanceof Child c && c.backup) {
            backups.remove(c.ref.id(), link);
        } else if (link.attachment() instanceof Child c && children.get(c.ref.id()) == link) {
            forgetChild(c.ref.id());
            host.changed();
        } else if (links.onClosed(link)) {
            host.changed();
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
        links.sayHelloToAll();
        if (links.isEmpty()) {
            links.maintain(); // cut off: find other supernodes (links lost later are replaced as they go)
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
        return new SupernodeView(host.candidate(), kids, links.loads(), settings.election());
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
        list.addAll(links.someKnown(LIST_FOR_CHILDREN));
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
        List<PeerRef> others = links.refs();
        if (others.isEmpty()) {
            others = links.someKnown(LIST_FOR_CHILDREN);
        }
        links.leave(others);
        for (Link<KazaaMessage> l : new ArrayList<>(children.values())) {
            List<PeerRef> shuffled = SupernodeLinks.sample(others, others.size(), node.random());
            l.send(new RefreshList(true, shuffled));
            l.attach(null);
            l.close();
        }
        children.clear();
        childIds = null;
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
        links.stop();
        reviewTimer.cancel();
    }

    // ---- lists ----

    /** Supernodes a child may fail over to: our neighbours first, then others we know. */
    private List<PeerRef> listForChildren() {
        return links.list(LIST_FOR_CHILDREN);
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

    // ---- for display and tests ----

    public int childCount() {
        return children.size();
    }

    /** The children's ids, in the order they attached: the same list object until they change. */
    public List<Integer> childIds() {
        if (childIds == null) {
            childIds = List.copyOf(children.keySet());
        }
        return childIds;
    }

    /** Nodes that keep a standby link to us. */
    public int backupCount() {
        return backups.size();
    }

    public List<Integer> neighbourIds() {
        return links.ids();
    }

    public int indexedFiles() {
        return index.files();
    }

    public boolean isActive() {
        return active;
    }
}
