package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
import p2plab.common.transport.sim.SimTransport;

/**
 * Our seed answers requests only as fast as its uplink takes the blocks, so a cancel (or a
 * choke) still reaches the requests it has not answered: their blocks are never sent.
 */
class UploadQueueTest {
    private static final int BLOCK = 16 * 1024;

    @Test
    void aCancelledRequestThatIsStillQueuedIsNeverAnswered() throws Exception {
        byte[] data = new byte[8 * BLOCK]; // one piece of eight blocks
        new Random(5).nextBytes(data);
        Metainfo meta = Torrents.of(new BytesContent("notes.pdf", data), null, data.length);
        try (SimTransport sim = SimTransport.withSeed(4)) {
            // 16 KiB/s: one block a second, so the requests wait at the seed while the first block goes out
            Client seed = Client.open(sim, "seed", 0, NodeConfig.named("seed").withRates(BLOCK, 0), ClientOptions.defaults());
            sim.await(seed.seed(meta, new ContentStore(new BytesContent("notes.pdf", data))), Duration.ofSeconds(1));
            EndgameTest.Scripted leecher = new EndgameTest.Scripted();
            Node<PeerMessage> node = sim.open(NodeConfig.named("leecher"), new PeerWireFormat(), leecher);
            Link<PeerMessage> link = sim.await(node.connect(seed.address()), Duration.ofSeconds(1));
            link.send(PeerMessage.Handshake.of(meta.infoHash(), "-XX0000-000000000001".getBytes()));
            link.send(new PeerMessage.Bitfield(new PieceSet(meta.pieceCount()).toWire()));
            link.send(new PeerMessage.Interested());
            sim.advance(Duration.ofSeconds(1));
            assertTrue(leecher.received.contains(new PeerMessage.Unchoke()), "a free slot is given at once: " + leecher.received);

            for (int b = 0; b < 8; b++) {
                link.send(new PeerMessage.Request(0, b * BLOCK, BLOCK));
            }
            for (int b = 2; b < 8; b++) {
                link.send(new PeerMessage.Cancel(0, b * BLOCK, BLOCK)); // arrives while block 0 is on the wire
            }
            sim.advance(Duration.ofSeconds(30));

            List<PeerMessage.Piece> pieces = leecher.received.stream().filter(PeerMessage.Piece.class::isInstance)
                    .map(PeerMessage.Piece.class::cast).toList();
            assertEquals(List.of(0, BLOCK), pieces.stream().map(PeerMessage.Piece::begin).toList(),
                    "block 0 was on the wire and block 1 queued behind it; blocks 2..7 were cancelled in time");
            assertArrayEquals(Arrays.copyOfRange(data, BLOCK, 2 * BLOCK), pieces.get(1).block());
        }
    }
}
