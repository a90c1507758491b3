package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.ContentStore;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.bittorrent.wire.Reserved;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * A fast-extension peer floods our seed with requests it will only get rejects for (it is
 * choked) and takes them in far slower than it asks: every reject would wait in the seed's
 * send buffer. Past {@link Connection#MAX_UNREAD_ANSWER_BYTES} of waiting answers the seed closes
 * the connection instead.
 */
class PeerThatDoesNotReadTest {
    private static final int FLOOD = 200_000; // 3.4 MB of rejects, 17 bytes each
    private SimTransport sim;
    private Metainfo meta;
    private TorrentSession seedSwarm;
    private Client seed;

    @BeforeEach
    void setUp() throws Exception {
        byte[] data = new byte[64 * 1024];
        new Random(3).nextBytes(data);
        sim = new SimTransport(SimConfig.seeded(1));
        BytesContent content = new BytesContent("n.bin", data);
        meta = Torrents.of(content, null, 16 * 1024);
        // A 10 kB/s uplink: the seed's link is full after the first few rejects.
        seed = Client.open(sim, "seed", 0, NodeConfig.named("seed").withRates(10_000, 0), ClientOptions.defaults());
        seedSwarm = sim.await(seed.seed(meta, new ContentStore(content)), Duration.ofSeconds(1)).session();
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    @Test
    void aFloodOfRefusedRequestsFromAPeerThatDoesNotReadClosesItsConnection() throws Exception {
        Node<PeerMessage> node = sim.open(NodeConfig.named("flooder"), new PeerWireFormat(), new PeerHandler<>() {
            @Override
            public void onMessage(Link<PeerMessage> l, PeerMessage m) {
            }
        });
        Link<PeerMessage> link = sim.await(node.connect(seed.address()), Duration.ofSeconds(1));
        link.send(new PeerMessage.Handshake(Reserved.ours(), meta.infoHash(), "-XX0000-000000000002".getBytes()));
        link.send(new PeerMessage.HaveNone());
        sim.advance(Duration.ofSeconds(1));
        assertEquals(1, seedSwarm.connections().size());
        for (int i = 0; i < FLOOD; i++) {
            link.send(new PeerMessage.Request(i % meta.pieceCount(), 0, 1)); // choked: each one is rejected
        }
        sim.advance(Duration.ofSeconds(5));

        assertTrue(seedSwarm.connections().isEmpty(), "the peer that does not read was closed");
        long bound = Connection.MAX_UNREAD_ANSWER_BYTES / 17 + 1_000; // plus what left while the link was still writable
        assertTrue(seedSwarm.rejectsSent() <= bound, "rejects queued: " + seedSwarm.rejectsSent() + " > " + bound);
    }
}
