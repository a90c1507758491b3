package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.MemoryStore;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.bittorrent.wire.PieceSet;
import p2plab.bittorrent.wire.Reserved;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * A block we never asked for must not reach storage: one 16 KiB block per missing piece would
 * otherwise make us allocate a whole piece buffer each. With the fast extension (BEP 6) the
 * sender is also disconnected.
 */
class UnrequestedBlocksTest {
    private static final int PIECE = 256 * 1024;

    @Test
    void unrequestedBlocksAreDroppedWithoutAllocatingPieces() throws Exception {
        run(new byte[8], false);
    }

    @Test
    void aFastExtensionPeerSendingAnUnrequestedBlockIsDisconnected() throws Exception {
        run(Reserved.ours(), true);
    }

    private void run(byte[] reserved, boolean closes) throws Exception {
        byte[] data = new byte[8 * PIECE];
        new Random(6).nextBytes(data);
        Metainfo meta = Torrents.of(new BytesContent("u.bin", data), null, PIECE);
        try (SimTransport sim = SimTransport.withSeed(3)) {
            Client leecher = Client.open(sim, "leecher", 0, NodeConfig.named("l"), ClientOptions.defaults());
            Client.Torrent t = sim.await(leecher.get(meta, new MemoryStore(meta.pieceLength())), Duration.ofSeconds(1));
            EndgameTest.Scripted h = new EndgameTest.Scripted();
            Node<PeerMessage> node = sim.open(NodeConfig.named("pusher"), new PeerWireFormat(), h);
            Link<PeerMessage> link = sim.await(node.connect(leecher.address()), Duration.ofSeconds(1));
            link.send(new PeerMessage.Handshake(reserved, meta.infoHash(), "-XX0000-000000000009".getBytes()));
            link.send(new PeerMessage.Bitfield(PieceSet.full(meta.pieceCount()).toWire()));
            // still choking the leecher, so it has requested nothing: every block below is unasked for
            for (int piece = 0; piece < meta.pieceCount(); piece++) {
                link.send(new PeerMessage.Piece(piece, 0, Arrays.copyOfRange(data, piece * PIECE, piece * PIECE + 16384)));
            }
            sim.advance(Duration.ofSeconds(2));
            TorrentSession swarm = t.session();
            assertTrue(swarm.storage().inProgress().isEmpty(), "no piece buffer for unrequested blocks: " + swarm.storage().inProgress());
            assertEquals(0, swarm.bytesDown(), "nothing counted as downloaded");
            if (closes) {
                assertFalse(link.isOpen(), "BEP 6: a piece never requested closes the connection");
                assertEquals(1, swarm.unrequestedBlocks(), "closed at the first one");
            } else {
                assertTrue(link.isOpen());
                assertEquals(meta.pieceCount(), swarm.unrequestedBlocks());
            }
        }
    }
}
