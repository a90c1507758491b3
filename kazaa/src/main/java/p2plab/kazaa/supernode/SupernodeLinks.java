package p2plab.kazaa.supernode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.kazaa.config.KazaaSettings;
import p2plab.kazaa.election.SupernodeView;
import p2plab.kazaa.wire.KazaaMessage;
import p2plab.kazaa.wire.KazaaMessage.Query;
import p2plab.kazaa.wire.KazaaMessage.RoleChange;
import p2plab.kazaa.wire.KazaaMessage.SupernodeHello;
import p2plab.kazaa.wire.PeerRef;

/**
 * A supernode's links to other supernodes: opening them, the hello that doubles as a load
 * report, the pool of supernodes it has heard of, and replacing links that are lost. At most
 * {@code 2 x links} are accepted; lost links are replaced up to {@code links}.
 */
final class SupernodeLinks {
    private final SupernodeHost host;
    private final Node<KazaaMessage> node;
    private final KazaaSettings settings;
    private final IntSupplier childCount;
    private final Runnable changed;
    private final Map<Integer, Link<KazaaMessage>> neighbours = new LinkedHashMap<>();
    private final KnownSupernodes known = new KnownSupernodes();
    private final Set<Integer> connecting = new HashSet<>();
    /** {@link #ids}, made when first asked after the neighbours changed. */
    private List<Integer> ids;
    private boolean active = true;

    /** @param changed called when the set of links changes (children get a fresh refresh list) */
    SupernodeLinks(SupernodeHost host, IntSupplier childCount, Runnable changed) {
        this.host = host;
        this.node = host.node();
        this.settings = host.settings();
        this.childCount = childCount;
        this.changed = changed;
    }

    /** Links to {@code other} now. */
    void linkTo(PeerRef other) {
        learn(other);
        connectTo(other);
    }

    /** A hello on a link that is not (yet) ours: accept it as a supernode link, within the bound. */
    void onHello(Link<KazaaMessage> link, SupernodeHello hello) {
        PeerRef other = hello.self();
        if (!(link.attachment() instanceof Neighbour)) {
            Link<KazaaMessage> existing = neighbours.get(other.id());
            if (existing != null && existing != link) {
                // Both ends opened a link at once: both keep the one the lower id opened.
                boolean keepNew = link.outbound() == (host.self().id() < other.id());
                if (!keepNew) {
                    link.close();
                    return;
                }
                existing.attach(null);
                existing.close();
                neighbours.remove(other.id());
                ids = null;
            }
            if (neighbours.size() >= 2 * settings.links()) {
                link.send(new RoleChange(RoleChange.Change.DEMOTE, refs())); // "not as your supernode link"
                link.close();
                return;
            }
            adopt(link, other);
        }
        heard(link, hello);
    }

    /** Records what a neighbour's hello reported: its load and the supernodes it knows. */
    void heard(Link<KazaaMessage> link, SupernodeHello hello) {
        Neighbour n = (Neighbour) link.attachment();
        n.children = hello.children();
        for (PeerRef r : hello.known()) {
            learn(r);
        }
    }

    /** Makes {@code link} a supernode link to {@code other} and greets it. */
    void adopt(Link<KazaaMessage> link, PeerRef other) {
        link.attach(new Neighbour(other));
        neighbours.put(other.id(), link);
        ids = null;
        connecting.remove(other.id());
        learn(other);
        sayHello(link);
        changed.run();
    }

    /** Every review: our load to every neighbour. */
    void sayHelloToAll() {
        for (Link<KazaaMessage> l : neighbours.values()) {
            sayHello(l);
        }
    }

    private void sayHello(Link<KazaaMessage> link) {
        link.send(new SupernodeHello(host.self(), childCount.getAsInt(),
                sample(known.values(), Supernode.LIST_FOR_CHILDREN, node.random())));
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
    void onDemoted(Link<KazaaMessage> link, RoleChange rc) {
        if (link.attachment() instanceof Neighbour n) {
            neighbours.remove(n.ref.id());
            ids = null;
            known.remove(n.ref.id());
            link.attach(null);
        }
        link.close();
        for (PeerRef r : rc.supernodes()) {
            learn(r);
        }
        changed.run();
        maintain();
    }

    /** A link closed; true if it was one of ours. */
    boolean onClosed(Link<KazaaMessage> link) {
        if (link.attachment() instanceof Neighbour n && neighbours.get(n.ref.id()) == link) {
            neighbours.remove(n.ref.id());
            ids = null;
            known.remove(n.ref.id()); // it crashed or left: do not hand it out
            if (active) {
                changed.run();
                maintain();
            }
            return true;
        }
        return false;
    }

    /** Opens links to known supernodes (or ones from the bootstrap) until the budget is met. */
    void maintain() {
        if (!active || neighbours.size() + connecting.size() >= settings.links()) {
            return;
        }
        List<PeerRef> candidates = new ArrayList<>();
        for (PeerRef r : known.values()) {
            if (isCandidate(r)) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            for (PeerRef r : host.bootstrap()) {
                if (isCandidate(r)) {
                    learn(r);
                    candidates.add(r);
                }
            }
        }
        int wanted = settings.links() - neighbours.size() - connecting.size();
        for (PeerRef r : sample(candidates, wanted, node.random())) {
            connectTo(r);
        }
    }

    private boolean isCandidate(PeerRef r) {
        return r.id() != host.self().id() && !neighbours.containsKey(r.id()) && !connecting.contains(r.id());
    }

    void learn(PeerRef r) {
        if (r.id() != host.self().id()) {
            known.putIfKnownOrRoom(r, KazaaMessage.MAX_LIST);
        }
    }

    /** Sends {@code q} on every link but {@code from}. */
    void forward(Query q, Link<KazaaMessage> from) {
        for (Link<KazaaMessage> l : neighbours.values()) {
            if (l != from) {
                host.sendQueued(l, q);
            }
        }
    }

    /** Stepping down: tells every neighbour, closes every link, and stops relinking. */
    void leave(List<PeerRef> others) {
        active = false;
        for (Link<KazaaMessage> l : new ArrayList<>(neighbours.values())) {
            l.send(new RoleChange(RoleChange.Change.DEMOTE, others));
            l.attach(null);
            l.close();
        }
        neighbours.clear();
        ids = null;
    }

    void stop() {
        active = false;
    }

    // ---- views ----

    boolean isEmpty() {
        return neighbours.isEmpty();
    }

    List<PeerRef> refs() {
        List<PeerRef> refs = new ArrayList<>();
        for (Link<KazaaMessage> l : neighbours.values()) {
            refs.add(((Neighbour) l.attachment()).ref);
        }
        return refs;
    }

    List<SupernodeView.Load> loads() {
        List<SupernodeView.Load> loads = new ArrayList<>();
        for (Link<KazaaMessage> l : neighbours.values()) {
            Neighbour n = (Neighbour) l.attachment();
            loads.add(new SupernodeView.Load(n.ref.id(), n.children));
        }
        return loads;
    }

    /** The neighbours' ids: the same list object until they change. */
    List<Integer> ids() {
        if (ids == null) {
            ids = List.copyOf(neighbours.keySet());
        }
        return ids;
    }

    /** Up to {@code max} supernodes: neighbours first, then others we know. */
    List<PeerRef> list(int max) {
        List<PeerRef> list = new ArrayList<>(refs());
        for (PeerRef r : known.values()) {
            if (list.size() >= max) {
                break;
            }
            if (!neighbours.containsKey(r.id())) {
                list.add(r);
            }
        }
        return list.size() > max ? new ArrayList<>(list.subList(0, max)) : list;
    }

    /** Up to {@code max} known supernodes, in random order. */
    List<PeerRef> someKnown(int max) {
        return sample(known.values(), max, node.random());
    }

    /** Up to {@code n} of {@code from}, in a random order. */
    static List<PeerRef> sample(Collection<PeerRef> from, int n, RandomGenerator random) {
        List<PeerRef> pool = new ArrayList<>(from);
        int k = Math.min(n, pool.size());
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.size() - i);
            PeerRef t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return new ArrayList<>(pool.subList(0, k));
    }
}
