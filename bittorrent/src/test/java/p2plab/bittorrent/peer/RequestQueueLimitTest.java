package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.ContentStore;
import p2plab.bittorrent.wire.ExtensionHandshake;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.bittorrent.wire.PieceSet;
import p2plab.bittorrent.wire.Reserved;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * A peer that pipelines hundreds of requests, as libtorrent and aria2 do on a fast link: our seed
 * answers every one with a piece, or says so (BEP 6 reject; without the fast extension a choke,
 * which discards the queue, followed by an unchoke). Requests are 1 byte each at distinct offsets,
 * so thousands of distinct requests fit a small file; the seed's 100 kB/s uplink makes them queue.
 */
class RequestQueueLimitTest {
    private static final int PIECE = 32 * 1024;
    private SimTransport sim;
    private Metainfo meta;
    private Client seed;
    private TorrentSession seedSwarm;

    @BeforeEach
    void setUp() throws Exception {
        byte[] data = new byte[4 * PIECE];
        new Random(9).nextBytes(data);
        sim = new SimTransport(SimConfig.seeded(1).withWireCheck(true));
        BytesContent content = new BytesContent("q.bin", data);
        meta = Torrents.of(content, null, PIECE);
        seed = Client.open(sim, "seed", 0, NodeConfig.named("seed").withRates(100_000, 0), ClientOptions.defaults());
        seedSwarm = sim.await(seed.seed(meta, new ContentStore(content)), Duration.ofSeconds(1)).session();
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    /** A leecher that records what it gets and, like a real BEP 3 client, asks again after choke + unchoke. */
    private final class Pipeliner implements PeerHandler<PeerMessage> {
        final List<PeerMessage> received = new ArrayList<>();
        final Set<Long> unanswered = new LinkedHashSet<>();
        final Set<Long> answered = new HashSet<>();
        int rejects;
        int pieces;
        boolean chokedSinceAsked;

        @Override
        public void onMessage(Link<PeerMessage> link, PeerMessage m) {
            received.add(m);
            if (m instanceof PeerMessage.Piece p) {
                pieces++;
                long key = TorrentSession.blockKey(p.index(), p.begin());
                unanswered.remove(key);
                answered.add(key);
            } else if (m instanceof PeerMessage.Reject r) {
                rejects++;
                assertTrue(unanswered.remove(TorrentSession.blockKey(r.index(), r.begin())), "reject for a request not waiting: " + r);
            } else if (m instanceof PeerMessage.Choke) {
                chokedSinceAsked = true;
            } else if (m instanceof PeerMessage.Unchoke && chokedSinceAsked) {
                chokedSinceAsked = false;
                for (long key : unanswered) {
                    link.send(new PeerMessage.Request((int) (key >>> 32), (int) key, 1));
                }
            }
        }
    }

    private Link<PeerMessage> join(Pipeliner p, byte[] reserved) throws Exception {
        Node<PeerMessage> node = sim.open(NodeConfig.named("pipeliner"), new PeerWireFormat(), p);
        Link<PeerMessage> link = sim.await(node.connect(seed.address()), Duration.ofSeconds(1));
        link.send(new PeerMessage.Handshake(reserved, meta.infoHash(), "-XX0000-000000000001".getBytes()));
        link.send(new PeerMessage.Bitfield(new PieceSet(meta.pieceCount()).toWire()));
        link.send(new PeerMessage.Interested());
        sim.advance(Duration.ofSeconds(1));
        assertTrue(p.received.contains(new PeerMessage.Unchoke()), "a free slot is given at once: " + p.received);
        return link;
    }

    private void pipeline(Link<PeerMessage> link, Pipeliner p, int n) {
        for (int i = 0; i < n; i++) {
            int piece = i % meta.pieceCount();
            int begin = i / meta.pieceCount();
            p.unanswered.add(TorrentSession.blockKey(piece, begin));
            link.send(new PeerMessage.Request(piece, begin, 1));
        }
    }

    @Test
    void fourHundredPipelinedRequestsAreAllAnswered() throws Exception {
        Pipeliner p = new Pipeliner();
        Link<PeerMessage> link = join(p, new byte[8]);
        pipeline(link, p, 400);
        sim.advance(Duration.ofSeconds(30));
        assertEquals(400, p.pieces, "every one of 400 requests gets its block");
        assertTrue(p.unanswered.isEmpty());
    }

    @Test
    void overTheLimitAFastPeerGetsOneRejectPerRequestNotServed() throws Exception {
        Pipeliner p = new Pipeliner();
        Link<PeerMessage> link = join(p, Reserved.ours());
        int n = TorrentSession.MAX_QUEUED_REQUESTS + 500;
        pipeline(link, p, n);
        sim.advance(Duration.ofSeconds(60));
        assertTrue(p.unanswered.isEmpty(), p.unanswered.size() + " requests never answered");
        assertEquals(n, p.pieces + p.rejects, "exactly one answer per request (BEP 6)");
        assertTrue(p.rejects >= 400, "the requests over the queue limit are rejected: " + p.rejects);
        assertEquals(p.rejects, seedSwarm.rejectsSent());
    }

    @Test
    void overTheLimitAPeerWithoutFastExtensionIsChokedThenUnchokedAndGetsEverythingWhenItAsksAgain() throws Exception {
        Pipeliner p = new Pipeliner();
        Link<PeerMessage> link = join(p, new byte[8]);
        int n = TorrentSession.MAX_QUEUED_REQUESTS + 500;
        pipeline(link, p, n);
        sim.advance(Duration.ofSeconds(120));
        assertTrue(p.received.contains(new PeerMessage.Choke()), "the queue limit is said with a choke");
        assertEquals(0, p.rejects, "no reject to a peer without the fast extension");
        assertEquals(n, p.answered.size(), "after asking again, every request got its block");
    }

    @Test
    void theExtendedHandshakeAdvertisesTheQueueLimit() throws Exception {
        Pipeliner p = new Pipeliner();
        join(p, Reserved.ours());
        PeerMessage.Extended ext = p.received.stream().filter(PeerMessage.Extended.class::isInstance)
                .map(PeerMessage.Extended.class::cast).findFirst().orElseThrow();
        assertEquals(0, ext.extId());
        assertEquals(TorrentSession.MAX_QUEUED_REQUESTS, ExtensionHandshake.decode(ext.payload()).reqq());
        assertEquals(new PeerMessage.HaveAll(), p.received.get(1), "a seed with the fast extension says have all, not a bitfield");
    }
}
