package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimTransport;

/**
 * Blocks the leecher gave up on, or got wrong, are asked for again: the search for the next block
 * to request starts from a cursor per piece, which must move back whenever a block is freed. The
 * leecher writes to a file (blocks in place), so the file must come out byte-identical.
 */
class BlocksAskedAgainTest {
    private static final int PIECE = 64 * 1024; // four blocks

    @TempDir
    Path dir;

    private final byte[] data = new byte[4 * PIECE];
    private final Metainfo meta;

    BlocksAskedAgainTest() {
        new Random(33).nextBytes(data);
        meta = Torrents.of(new BytesContent("f.bin", data), null, PIECE);
    }

    private PeerMessage.Piece answer(PeerMessage.Request r) {
        int from = r.index() * PIECE + r.begin();
        return new PeerMessage.Piece(r.index(), r.begin(), Arrays.copyOfRange(data, from, from + r.length()));
    }

    @Test
    void blocksDiscardedByAChokeMidPieceAreAskedAgain() throws Exception {
        int[] requests = {0};
        Client.Torrent t = download((link, r) -> {
            if (++requests[0] == 3) {
                // BEP 3: the choke discards every request not answered yet, this one included
                link.send(new PeerMessage.Choke());
                link.send(new PeerMessage.Unchoke());
            } else if (requests[0] != 4 && requests[0] != 5) { // those were asked before the choke: discarded too
                link.send(answer(r));
            }
        });
        assertTrue(requests[0] > 16, "the discarded blocks were asked for again: " + requests[0] + " requests");
        assertEquals(0, t.session().storage().corruptPieces());
    }

    @Test
    void aPieceThatFailsItsHashIsFetchedAgainWholeAndTheFileIsRight() throws Exception {
        Map<Long, Integer> asked = new HashMap<>();
        Client.Torrent t = download((link, r) -> {
            PeerMessage.Piece p = answer(r);
            if (asked.merge(TorrentSession.blockKey(r.index(), r.begin()), 1, Integer::sum) == 1 && r.index() == 1 && r.begin() == 0) {
                p.block()[7] ^= 1; // the first copy of piece 1's first block is corrupt
            }
            link.send(p);
        });
        assertEquals(1, t.session().storage().corruptPieces());
        for (int b = 0; b < 4; b++) {
            assertEquals(2, asked.get(TorrentSession.blockKey(1, b * 16 * 1024)), "every block of the bad piece was fetched twice");
        }
    }

    /** A leecher on a DiskStore downloads from a hand-made seed that answers requests with {@code onRequest}. */
    private Client.Torrent download(BiConsumer<Link<PeerMessage>, PeerMessage.Request> onRequest) throws Exception {
        try (SimTransport sim = SimTransport.withSeed(6)) {
            Client leecher = Client.open(sim, "leecher", 0, NodeConfig.named("l"), ClientOptions.defaults());
            Client.Torrent t = sim.await(leecher.get(meta, new DiskStore(meta, dir)), Duration.ofSeconds(1));
            Node<PeerMessage> node = sim.open(NodeConfig.named("seed"), new PeerWireFormat(), new PeerHandler<>() {
                @Override
                public void onMessage(Link<PeerMessage> link, PeerMessage m) {
                    if (m instanceof PeerMessage.Request r) {
                        onRequest.accept(link, r);
                    }
                }
            });
            Link<PeerMessage> link = sim.await(node.connect(leecher.address()), Duration.ofSeconds(1));
            link.send(PeerMessage.Handshake.of(meta.infoHash(), "-XX0000-000000000009".getBytes()));
            link.send(new PeerMessage.Bitfield(new byte[] {(byte) 0xf0}));
            link.send(new PeerMessage.Unchoke());
            sim.advance(Duration.ofSeconds(30));
            assertTrue(t.completion().isDone() && t.completion().get().complete(), "the download completed");
            t.stop();
            sim.advance(Duration.ofSeconds(1));
            assertArrayEquals(data, Files.readAllBytes(dir.resolve("f.bin")));
            return t;
        }
    }
}
