package p2plab.bittorrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.peer.SwarmResult;
import p2plab.bittorrent.storage.ContentStore;
import p2plab.bittorrent.storage.MemoryStore;
import p2plab.bittorrent.storage.PieceStore;
import p2plab.bittorrent.tracker.TrackerServer;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

/** A "seed" that serves garbage is caught by the SHA-1 checks, banned, and the file still arrives intact. */
class CorruptPeerIsBannedTest {

    /** Serves the real bytes with one bit flipped in every block. */
    static final class CorruptStore implements PieceStore {
        private final PieceStore real;

        CorruptStore(PieceStore real) {
            this.real = real;
        }

        @Override
        public byte[] read(long offset, int length) {
            byte[] b = real.read(offset, length);
            b[0] ^= 0x01;
            return b;
        }

        @Override
        public void write(long offset, byte[] data) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void corruptPeerIsDetectedBannedAndTheDownloadCompletes() throws Exception {
        byte[] data = new byte[512 * 1024];
        new Random(6).nextBytes(data);
        BytesContent content = new BytesContent("iso.img", data);
        try (SimTransport sim = SimTransport.withSeed(17)) {
            TrackerServer tracker = TrackerServer.start(sim, "tracker", 6969, Duration.ofSeconds(30));
            Metainfo meta = Torrents.of(content, tracker.announceUrl(), 32 * 1024);
            NodeConfig link = NodeConfig.named("x").withRates(100_000, 1_000_000);
            // the liar is fast, the honest seed slow: the leecher will ask the liar a lot
            Client liar = Client.open(sim, "liar", 0, NodeConfig.named("x").withRates(1_000_000, 1_000_000), ClientOptions.defaults());
            sim.await(liar.seed(meta, new CorruptStore(new ContentStore(content))), Duration.ofSeconds(1));
            Client honest = Client.open(sim, "honest", 0, link, ClientOptions.defaults());
            sim.await(honest.seed(meta, new ContentStore(content)), Duration.ofSeconds(1));
            Client leecher = Client.open(sim, "leecher", 0, link, ClientOptions.defaults());
            MemoryStore store = new MemoryStore(meta.pieceLength());
            Client.Torrent t = sim.await(leecher.get(meta, store), Duration.ofSeconds(1));
            SwarmResult r = sim.await(t.completion(), Duration.ofHours(1));
            assertTrue(r.complete());
            assertArrayEquals(data, store.read(0, data.length));
            assertTrue(r.corruptPieces() >= 1, "bad pieces were seen");
            assertTrue(t.session().storage().banned(liar.peerKey()), "the liar is banned");
            assertFalse(t.session().storage().banned(honest.peerKey()), "the honest seed is not");
            assertFalse(t.session().isConnectedTo(liar.peerKey()), "and disconnected");
        }
    }
}
