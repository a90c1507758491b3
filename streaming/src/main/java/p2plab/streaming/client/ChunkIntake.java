package p2plab.streaming.client;

import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.streaming.measure.PlayLog;
import p2plab.streaming.media.Connection;
import p2plab.streaming.media.IntLruSet;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.wire.StreamMessage;
import p2plab.streaming.wire.StreamMessage.Announce;
import p2plab.streaming.wire.StreamMessage.Chunk;
import p2plab.streaming.wire.StreamingCodec;

/**
 * Where a chunk goes once in: TCP hands it over (now, or later after slow start or a lost
 * segment), it fills its download and its player, and a download made whole enters the cache
 * and, in the hybrid, is announced to the tracker. A chunk nobody waits for is counted as waste.
 */
final class ChunkIntake {
    /** Told when a chunk reached the player of the track playing or prefetched. */
    interface Progress {
        void progressed(TrackFetch f);
    }

    private final Node<StreamMessage> node;
    private final Mode mode;
    private final PlayLog log;
    private final IntLruSet cache;
    private final Downloads downloads;
    private final Neighbourhood neighbourhood;
    private final Fetcher fetcher;
    private final Progress player;

    ChunkIntake(Node<StreamMessage> node, Mode mode, PlayLog log, IntLruSet cache, Downloads downloads,
                Neighbourhood neighbourhood, Fetcher fetcher, Progress player) {
        this.node = node;
        this.mode = mode;
        this.log = log;
        this.cache = cache;
        this.downloads = downloads;
        this.neighbourhood = neighbourhood;
        this.fetcher = fetcher;
        this.player = player;
    }

    /** A chunk is in at the socket; TCP hands it to the player now or, after slow start or a lost segment, later. */
    void receive(Link<StreamMessage> link, Chunk c) {
        long now = node.clock().nanos();
        long at = link.attachment() instanceof Connection conn
                ? conn.arrivals.handOver(now, c.length() + StreamingCodec.CHUNK_OVERHEAD, node.random()) : now;
        if (at <= now) {
            onChunk(link, c);
        } else {
            node.clock().scheduleNanos(at - now, () -> {
                if (link.isOpen()) {
                    onChunk(link, c); // a closed link's chunks were asked again elsewhere
                }
            });
        }
    }

    private void onChunk(Link<StreamMessage> link, Chunk c) {
        TrackFetch f = downloads.of(c.track());
        if (f == null || c.index() < 0 || c.index() >= f.have.length || f.have[c.index()]) {
            log.wasted(c.length());
            return;
        }
        long now = node.clock().nanos();
        f.have[c.index()] = true;
        f.haveCount++;
        f.unask(c.index());
        SourceKind kind = neighbourhood.kindOf(link);
        f.bytes[kind.ordinal()] += c.length();
        if (link.attachment() instanceof Neighbour n) {
            n.lastHeardNanos = now;
            n.lastUsedNanos = now;
        }
        if (f.playback != null) {
            f.playback.arrived(c.index(), now);
            player.progressed(f);
        }
        if (f.complete()) {
            f.cancelTimers();
            boolean kept = cache.add(f.track) != f.track; // only a cache of nothing evicts what it adds
            Link<StreamMessage> server = neighbourhood.server();
            if (kept && mode == Mode.HYBRID && server != null) {
                server.send(new Announce(f.track));
            }
            return;
        }
        if (kind == SourceKind.PEER && !f.waitsOn(link)) {
            fetcher.pump(f); // that peer's batch is done: give it the next one
        }
    }
}
