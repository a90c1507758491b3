package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import p2plab.bittorrent.wire.PieceSet;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;

/** Drives one of our seeds by hand, message by message, through a scripted remote peer. */
class PeerProtocolTest {
    final byte[] data = new byte[100_000];
    SimTransport sim;
    Metainfo meta;
    Client seed;
    final List<PeerMessage> received = new ArrayList<>();
    Link<PeerMessage> link;
    TorrentSession seedSwarm;

    @BeforeEach
    void setUp() throws Exception {
        new Random(4).nextBytes(data);
        // wire check: every message goes through the real codec, as over TCP
        sim = new SimTransport(SimConfig.seeded(1).withWireCheck(true));
        BytesContent content = new BytesContent("x.bin", data);
        meta = Torrents.of(content, null, 32 * 1024);
        seed = Client.open(sim, "seed", 0, NodeConfig.named("seed"), ClientOptions.defaults());
        seedSwarm = sim.await(seed.seed(meta, new ContentStore(content)), Duration.ofSeconds(1)).session();
        Node<PeerMessage> me = sim.open(NodeConfig.named("me"), new PeerWireFormat(), new PeerHandler<>() {
            @Override
            public void onMessage(Link<PeerMessage> l, PeerMessage m) {
                received.add(m);
            }
        });
        link = sim.await(me.connect(seed.address()), Duration.ofSeconds(1));
        link.send(PeerMessage.Handshake.of(meta.infoHash(), "-XX0000-000000000001".getBytes()));
        sim.advance(Duration.ofSeconds(1));
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    private <T> T last(Class<T> type) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (type.isInstance(received.get(i))) {
                return type.cast(received.get(i));
            }
        }
        return null;
    }

    @Test
    void seedAnswersHandshakeWithHandshakeAndFullBitfield() {
        assertInstanceOf(PeerMessage.Handshake.class, received.get(0));
        PeerMessage.Bitfield b = assertInstanceOf(PeerMessage.Bitfield.class, received.get(1));
        assertTrue(PieceSet.fromWire(b.bits(), meta.pieceCount()).complete());
    }

    @Test
    void requestsAreAnsweredOnlyWhenUnchokedValidAndAtMost16KiB() {
        link.send(new PeerMessage.Request(0, 0, 16384));
        sim.advance(Duration.ofSeconds(1));
        assertEquals(null, last(PeerMessage.Piece.class), "choked peers get nothing");
        link.send(new PeerMessage.Interested());
        sim.advance(Duration.ofSeconds(1));
        assertInstanceOf(PeerMessage.Unchoke.class, received.get(received.size() - 1), "a free slot is given at once");
        link.send(new PeerMessage.Request(0, 0, 32768));          // too long
        link.send(new PeerMessage.Request(99, 0, 16384));         // no such piece
        link.send(new PeerMessage.Request(3, 0, 16384));          // past the short last piece (1696 bytes)
        link.send(new PeerMessage.Request(1, 16384, 16384));      // fine
        sim.advance(Duration.ofSeconds(1));
        List<PeerMessage.Piece> pieces = received.stream().filter(PeerMessage.Piece.class::isInstance)
                .map(PeerMessage.Piece.class::cast).toList();
        assertEquals(1, pieces.size());
        assertArrayEquals(Arrays.copyOfRange(data, 32768 + 16384, 32768 + 32768), pieces.get(0).block());
        assertEquals(4, seedSwarm.refused(), "one while choked, three invalid");
    }

    @Test
    void wrongInfoHashIsDisconnected() throws Exception {
        Node<PeerMessage> other = sim.open(NodeConfig.named("other"), new PeerWireFormat(), (l, m) -> { });
        Link<PeerMessage> l2 = sim.await(other.connect(seed.address()), Duration.ofSeconds(1));
        l2.send(PeerMessage.Handshake.of(new byte[20], "-XX0000-000000000002".getBytes()));
        sim.advance(Duration.ofSeconds(1));
        assertTrue(!l2.isOpen());
    }

}
