package p2plab.streaming.server;

import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.PeerHandler;
import p2plab.streaming.measure.PlayLog;
import p2plab.streaming.media.Connection;
import p2plab.streaming.media.TrackCatalogue;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Announce;
import p2plab.streaming.wire.StreamMessage.Cancel;
import p2plab.streaming.wire.StreamMessage.Hello;
import p2plab.streaming.wire.StreamMessage.Key;
import p2plab.streaming.wire.StreamMessage.KeyRequest;
import p2plab.streaming.wire.StreamMessage.Lookup;
import p2plab.streaming.wire.StreamMessage.Peers;
import p2plab.streaming.wire.StreamMessage.Refuse;
import p2plab.streaming.wire.StreamMessage.Request;

/**
 * The origin: holds every track and streams the chunks asked of it, as fast as its uplink
 * allows, sharing the uplink between connections (the transport's round robin). In the
 * hybrid it is also Spotify's tracker; it hands out each track's decryption key. It counts its egress in the {@link PlayLog}.
 */
public final class OriginServer implements PeerHandler<StreamMessage> {
    private final TrackCatalogue catalogue;
    private final Tracker tracker;
    private final PlayLog log;
    private Node<StreamMessage> node;

    public OriginServer(TrackCatalogue catalogue, Tracker tracker, PlayLog log) {
        this.catalogue = catalogue;
        this.tracker = tracker;
        this.log = log;
    }

    public Tracker tracker() {
        return tracker;
    }

    public void bind(Node<StreamMessage> node) {
        this.node = node;
    }

    @Override
    public void onConnected(Link<StreamMessage> link) {
        link.attach(new Connection(link.remote()));
    }

    @Override
    public void onMessage(Link<StreamMessage> link, StreamMessage message) {
        Connection c = (Connection) link.attachment();
        if (message instanceof Request r) {
            onRequest(link, c, r);
        } else if (message instanceof Cancel x) {
            c.uploads.cancel(x.track());
        } else if (message instanceof Hello h) {
            c.listening = new Address(link.remote().host(), h.port());
        } else if (message instanceof Lookup l && catalogue.valid(l.track())) {
            link.send(new Peers(l.track(), tracker.holders(l.track(), c.listening)));
        } else if (message instanceof Announce a && catalogue.valid(a.track())) {
            tracker.announce(a.track(), c.listening);
        } else if (message instanceof KeyRequest k && catalogue.valid(k.track())) {
            link.send(new Key(k.id(), k.track())); // tiny: it goes out ahead of the chunks still queued for this listener
        }
    }

    private void onRequest(Link<StreamMessage> link, Connection c, Request r) {
        if (!catalogue.validRange(r.track(), r.first(), r.count()) || !c.uploads.add(r.track(), r.first(), r.count())) {
            link.send(new Refuse(r.track(), r.first(), r.count(), false));
            return;
        }
        drain(link, c);
    }

    @Override
    public void onWritable(Link<StreamMessage> link) {
        drain(link, (Connection) link.attachment());
    }

    private void drain(Link<StreamMessage> link, Connection c) {
        c.uploads.drain(link, catalogue, (t, i) -> true, chunk -> log.originSent(node.clock().nanos(), chunk.length()));
    }
}
