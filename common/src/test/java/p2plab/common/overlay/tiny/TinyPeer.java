package p2plab.common.overlay.tiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;
import p2plab.common.content.Digests;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.PeerHandler;

/**
 * A peer of the tiny overlay: floods queries with a TTL, answers from its own files, routes
 * hits back the way the query came, and serves whole files on request. Just enough protocol to
 * prove that the Overlay SPI and both transports carry a real overlay.
 */
final class TinyPeer implements PeerHandler<TinyMessage> {
    final PeerId id;
    Node<TinyMessage> node;
    final Map<String, Content> files = new ConcurrentHashMap<>(); // shared from the user's thread
    private final Map<Long, Link<TinyMessage>> cameFrom = new HashMap<>();
    private final Map<Long, List<Hit>> myHits = new HashMap<>();
    private final Map<String, CompletableFuture<byte[]>> fetches = new HashMap<>();

    TinyPeer(PeerId id) {
        this.id = id;
    }

    void startQuery(long queryId, Query query, int ttl) {
        myHits.put(queryId, new ArrayList<>());
        cameFrom.put(queryId, null);
        for (Link<TinyMessage> l : node.links()) {
            l.send(new TinyMessage.Query(queryId, ttl, 0, query.text()));
        }
    }

    List<Hit> hitsOf(long queryId) {
        return myHits.getOrDefault(queryId, List.of());
    }

    CompletableFuture<byte[]> fetch(Address holder, ContentId what) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        node.connect(holder).whenComplete((link, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                fetches.put(what.hex(), result);
                link.send(new TinyMessage.Get(what.hex()));
            }
        });
        return result;
    }

    @Override
    public void onMessage(Link<TinyMessage> link, TinyMessage message) {
        if (message instanceof TinyMessage.Query q) {
            onQuery(link, q);
        } else if (message instanceof TinyMessage.Hit h) {
            onHit(h);
        } else if (message instanceof TinyMessage.Get g) {
            Content c = files.get(g.contentId());
            link.send(new TinyMessage.Data(g.contentId(), c == null ? new byte[0] : c.read(0, (int) c.size())));
        } else if (message instanceof TinyMessage.Data d) {
            CompletableFuture<byte[]> f = fetches.remove(d.contentId());
            link.close();
            if (f != null) {
                f.complete(d.bytes());
            }
        }
    }

    private void onQuery(Link<TinyMessage> from, TinyMessage.Query q) {
        if (cameFrom.containsKey(q.id())) {
            return; // a duplicate: seen already
        }
        cameFrom.put(q.id(), from);
        int hops = q.hops() + 1;
        Query query = new Query(q.text(), 0);
        for (Content c : files.values()) {
            if (query.matches(c.name())) {
                from.send(new TinyMessage.Hit(q.id(), hops, id.value(), node.address().host(), node.address().port(),
                        c.id().hex(), c.name(), c.size()));
            }
        }
        if (q.ttl() - 1 > 0) {
            for (Link<TinyMessage> l : node.links()) {
                if (l != from) {
                    l.send(new TinyMessage.Query(q.id(), q.ttl() - 1, hops, q.text()));
                }
            }
        }
    }

    private void onHit(TinyMessage.Hit h) {
        if (!cameFrom.containsKey(h.id())) {
            return; // not a query we forwarded
        }
        Link<TinyMessage> back = cameFrom.get(h.id());
        if (back == null) {
            myHits.get(h.id()).add(new Hit(PeerId.of(h.holder()), new ContentId(h.contentId()), h.name(), h.size(), h.hops()));
        } else if (back.isOpen()) {
            back.send(h);
        }
    }

    static boolean verify(ContentId id, byte[] bytes) {
        return ContentId.of(Digests.sha256(bytes)).equals(id);
    }
}
