package p2plab.streaming.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.streaming.media.Connection;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.media.TcpArrivals;
import p2plab.streaming.media.TcpModel;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Hello;

/**
 * A listener's connections: to the origin (the tracker, in the hybrid), to its edge (CDN)
 * and to other listeners, its neighbours, within Spotify's soft and hard limits. Whether the
 * listener is online (in a session) is kept here too: offline, it has no neighbours.
 */
final class Neighbourhood {
    private final Node<StreamMessage> node;
    private final ClientSettings settings;
    private final TcpModel tcp;
    private final Mode mode;
    private final Address server;
    private final Address edge;
    /**
     * Links to other listeners, in the order they opened (as {@code node.links()} lists them,
     * without copying that list at every search); closed ones leave at {@link #onClosed}.
     */
    private final List<Link<StreamMessage>> neighbourLinks = new ArrayList<>();
    private Link<StreamMessage> serverLink;
    private Link<StreamMessage> edgeLink;
    private boolean online = true;

    Neighbourhood(Node<StreamMessage> node, ClientSettings settings, TcpModel tcp, Mode mode, Address server, Address edge) {
        this.node = node;
        this.settings = settings;
        this.tcp = tcp;
        this.mode = mode;
        this.server = server;
        this.edge = edge;
    }

    /** Connects to the origin and, in a CDN, to the edge. */
    void start() {
        connect(server);
        if (mode == Mode.CDN && edge != null) {
            connect(edge);
        }
    }

    /** Opens a connection and times it: it opens one round trip after it was asked for, its RTT for the TCP model. */
    CompletableFuture<Link<StreamMessage>> connect(Address to) {
        long asked = node.clock().nanos();
        return node.connect(to).whenComplete((link, error) -> {
            if (link != null && link.attachment() instanceof Connection c) {
                c.arrivals.roundTrip(node.clock().nanos() - asked);
            }
        });
    }

    Link<StreamMessage> server() {
        return serverLink;
    }

    /** Where chunks come from when not from peers: the edge in a CDN, the origin otherwise. */
    Link<StreamMessage> source() {
        return mode == Mode.CDN ? edgeLink : serverLink;
    }

    SourceKind kindOf(Object link) {
        return link == serverLink ? SourceKind.SERVER : link == edgeLink ? SourceKind.EDGE : SourceKind.PEER;
    }

    boolean online() {
        return online;
    }

    /** A session starts: the listener takes neighbours again. */
    void goOnline() {
        online = true;
    }

    /** Leaves the overlay between sessions: stops serving and drops its neighbours (the cache stays). */
    void goOffline() {
        online = false;
        for (Link<StreamMessage> l : neighbours()) {
            l.close();
        }
    }

    /** The open links to other listeners, in the order they opened (a copy). */
    List<Link<StreamMessage>> neighbours() {
        List<Link<StreamMessage>> out = new ArrayList<>(neighbourLinks.size());
        for (Link<StreamMessage> l : neighbourLinks) {
            if (l.isOpen()) {
                out.add(l);
            }
        }
        return out;
    }

    /** How many neighbours are open (without copying them). */
    int count() {
        int n = 0;
        for (int i = 0; i < neighbourLinks.size(); i++) {
            if (neighbourLinks.get(i).isOpen()) {
                n++;
            }
        }
        return n;
    }

    /** Sends {@code m} to every open neighbour but {@code except}. */
    void sendToNeighbours(StreamMessage m, Link<StreamMessage> except) {
        for (int i = 0; i < neighbourLinks.size(); i++) { // sending never closes a link here: no copy needed
            Link<StreamMessage> l = neighbourLinks.get(i);
            if (l != except && l.isOpen()) {
                l.send(m);
            }
        }
    }

    /** The open link to the listener listening at {@code a}, or null. */
    Link<StreamMessage> linkTo(Address a) {
        for (Link<StreamMessage> l : neighbourLinks) {
            if (l.isOpen() && a.equals(((Neighbour) l.attachment()).listening)) {
                return l;
            }
        }
        return null;
    }

    /** Above the soft limit, closes the neighbour unused for longest that we do not wait on. */
    void dropIdleNeighbour(List<Link<StreamMessage>> all, Predicate<Link<StreamMessage>> waitedOn) {
        Link<StreamMessage> oldest = null;
        for (Link<StreamMessage> l : all) {
            Neighbour n = (Neighbour) l.attachment();
            boolean busy = n.slot || waitedOn.test(l);
            if (!busy && (oldest == null || n.lastUsedNanos < ((Neighbour) oldest.attachment()).lastUsedNanos)) {
                oldest = l;
            }
        }
        if (oldest != null) {
            oldest.close();
        }
    }

    /**
     * Takes a new link: the origin or the edge (then true: chunks may be asked of it now), or a
     * neighbour, refused when offline, outside the hybrid or at the hard limit.
     */
    boolean onConnected(Link<StreamMessage> link) {
        if (link.outbound() && link.remote().equals(server)) {
            serverLink = link;
            link.attach(withArrivals(new Connection(server)));
            link.send(new Hello(node.address().port()));
            return true;
        }
        if (link.outbound() && link.remote().equals(edge)) {
            edgeLink = link;
            link.attach(withArrivals(new Connection(edge)));
            return true;
        }
        if (!link.outbound() && (!online || mode != Mode.HYBRID || count() >= settings.hardNeighbours())) {
            link.close();
            return false;
        }
        Neighbour n = new Neighbour(link.remote());
        n.lastUsedNanos = node.clock().nanos();
        link.attach(withArrivals(n));
        neighbourLinks.add(link);
        if (link.outbound()) {
            link.send(new Hello(node.address().port()));
        }
        return false;
    }

    private Connection withArrivals(Connection c) {
        c.arrivals = new TcpArrivals(tcp);
        return c;
    }

    /** Forgets a closed link; true if it was the link to the origin. */
    boolean onClosed(Link<StreamMessage> link) {
        neighbourLinks.remove(link);
        if (link == serverLink) {
            serverLink = null;
            return true;
        }
        if (link == edgeLink) {
            edgeLink = null;
        }
        return false;
    }
}
