package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.MagnetLink;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.common.content.BytesContent;
import p2plab.bittorrent.storage.ContentStore;
import p2plab.bittorrent.storage.MemoryStore;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.common.transport.sim.SimConfig;

/**
 * An honest magnet fetch asks for every metadata piece at once. Over a slow uplink most of the
 * answers wait in the seed's send buffer, and a dictionary over 1 MiB is more than the cap on
 * answers a peer may leave unread: the metadata pieces must not count towards it, or the seed
 * would close an honest fetcher as one that does not read.
 */
class LargeMetadataOverASlowUplinkTest {

    @Test
    void aDictionaryOverOneMebibyteReachesAFetcherOverASlowUplink() throws Exception {
        byte[] data = new byte[64 << 20]; // zeros: only the number of pieces matters here
        BytesContent content = new BytesContent("many-pieces.bin", data);
        Metainfo meta = Torrents.of(content, null, 1024); // 65,536 pieces: a 1.3 MB info dictionary
        assertTrue(meta.infoBytes().length > Connection.MAX_UNREAD_ANSWER_BYTES, "the dictionary is larger than the cap");

        try (SimTransport sim = new SimTransport(SimConfig.seeded(4))) {
            ClientOptions opts = ClientOptions.defaults().withoutTracker();
            Client seed = Client.open(sim, "seed", 0, NodeConfig.named("seed").withRates(200_000, 0), opts);
            sim.await(seed.seed(meta, new ContentStore(content)), Duration.ofSeconds(1));
            Client leecher = Client.open(sim, "leecher", 0, NodeConfig.named("leecher"), opts);
            MetadataFromPeersTest.HandFed hand = new MetadataFromPeersTest.HandFed();
            leecher.addPeerSource(hand);
            Client.Torrent t = sim.await(leecher.get(MagnetLink.parse(meta.magnet()), m -> new MemoryStore(m.pieceLength())),
                    Duration.ofSeconds(1));
            hand.sink.found(List.of(seed.address()));
            sim.advance(Duration.ofSeconds(30));
            assertTrue(t.metainfo() != null, "metadata fetched; last error: " + t.lastError());
            assertArrayEquals(meta.infoBytes(), t.metainfo().infoBytes());
        }
    }
}
