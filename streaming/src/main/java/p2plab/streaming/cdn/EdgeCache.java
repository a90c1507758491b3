package p2plab.streaming.cdn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.PeerHandler;
import p2plab.streaming.media.Connection;
import p2plab.streaming.media.LruSet;
import p2plab.streaming.media.TrackCatalogue;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Cancel;
import p2plab.streaming.wire.StreamMessage.Chunk;
import p2plab.streaming.wire.StreamMessage.Refuse;
import p2plab.streaming.wire.StreamMessage.Request;

/**
 * A CDN edge: a proxy cache near its listeners. It serves chunks from an LRU cache of
 * {@code cacheChunks} chunks; a miss is fetched from the origin (a few chunks at once), then
 * cached and sent to every listener waiting for it. Its own uplink is limited like any node's.
 */
public final class EdgeCache implements PeerHandler<StreamMessage> {
    /** Chunks asked of the origin in one request after a miss. */
    static final int FETCH_BATCH = 16;

    private final TrackCatalogue catalogue;
    private final Address origin;
    private final LruSet<Long> cache;
    private final Set<Long> inFlight = new HashSet<>();
    /** Chunks that just came from the origin: sendable once even if the cache had no room. */
    private final Set<Long> fresh = new HashSet<>();
    private final Map<Long, List<Link<StreamMessage>>> waiting = new HashMap<>();
    private Node<StreamMessage> node;
    private Link<StreamMessage> originLink;
    private long hits;
    private long misses;

    public EdgeCache(TrackCatalogue catalogue, Address origin, int cacheChunks) {
        this.catalogue = catalogue;
        this.origin = origin;
        this.cache = new LruSet<>(cacheChunks);
    }

    public void bind(Node<StreamMessage> node) {
        this.node = node;
    }

    /** Opens the connection to the origin. */
    public void start() {
        node.connect(origin).thenAccept(link -> originLink = link);
    }

    static long key(int track, int index) {
        return ((long) track << 32) | (index & 0xffffffffL);
    }

    @Override
    public void onConnected(Link<StreamMessage> link) {
        link.attach(new Connection(link.remote()));
    }

    @Override
    public void onMessage(Link<StreamMessage> link, StreamMessage message) {
        if (link == originLink) {
            if (message instanceof Chunk c) {
                onChunkFromOrigin(c);
            }
            return;
        }
        Connection conn = (Connection) link.attachment();
        if (message instanceof Request r) {
            if (!catalogue.validRange(r.track(), r.first(), r.count()) || !conn.uploads.add(r.track(), r.first(), r.count())) {
                link.send(new Refuse(r.track(), r.first(), r.count(), false));
                return;
            }
            drain(link);
        } else if (message instanceof Cancel x) {
            conn.uploads.cancel(x.track());
        }
    }

    @Override
    public void onWritable(Link<StreamMessage> link) {
        if (link != originLink) {
            drain(link);
        }
    }

    private void drain(Link<StreamMessage> link) {
        Connection conn = (Connection) link.attachment();
        conn.uploads.drain(link, catalogue, this::ready, c -> { });
        int[] head = conn.uploads.head();
        if (head != null && link.writable() && !ready(head[0], head[1])) {
            miss(link, head);
        }
    }

    private boolean ready(int track, int index) {
        long k = key(track, index);
        if (fresh.contains(k)) {
            return true;
        }
        if (cache.touch(k)) {
            hits++;
            return true;
        }
        return false;
    }

    /** The link waits for chunk head[1]; fetch it and the few after it that are missing too. */
    private void miss(Link<StreamMessage> link, int[] head) {
        int track = head[0];
        long k = key(track, head[1]);
        waiting.computeIfAbsent(k, x -> new ArrayList<>(2)).add(link);
        if (inFlight.contains(k) || originLink == null || !originLink.isOpen()) {
            return;
        }
        int count = 0;
        int end = Math.min(head[2], head[1] + FETCH_BATCH);
        for (int i = head[1]; i < end; i++) {
            long ki = key(track, i);
            if (inFlight.contains(ki) || cache.contains(ki)) {
                break;
            }
            inFlight.add(ki);
            count++;
        }
        misses += count;
        originLink.send(new Request(track, head[1], count));
    }

    private void onChunkFromOrigin(Chunk c) {
        long k = key(c.track(), c.index());
        inFlight.remove(k);
        cache.add(k);
        List<Link<StreamMessage>> links = waiting.remove(k);
        if (links != null) {
            fresh.add(k);
            for (Link<StreamMessage> l : links) {
                if (l.isOpen()) {
                    drain(l);
                }
            }
            fresh.remove(k);
        }
    }

    @Override
    public void onClosed(Link<StreamMessage> link, String reason) {
        if (link == originLink) {
            originLink = null;
            inFlight.clear();
        }
    }

    /** Chunk requests served from the cache. */
    public long hits() {
        return hits;
    }

    /** Chunks fetched from the origin. */
    public long misses() {
        return misses;
    }

    public int cachedChunks() {
        return cache.size();
    }
}
