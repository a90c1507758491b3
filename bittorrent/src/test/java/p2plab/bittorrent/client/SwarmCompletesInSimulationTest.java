package p2plab.bittorrent.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.peer.SwarmResult;
import p2plab.bittorrent.storage.ContentStore;
import p2plab.bittorrent.storage.MemoryStore;
import p2plab.bittorrent.tracker.TrackerServer;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

class SwarmCompletesInSimulationTest {

    @Test
    void leechersGetByteIdenticalCopies() throws Exception {
        byte[] data = new byte[300_000];
        new Random(1).nextBytes(data);
        BytesContent content = new BytesContent("demo file.bin", data);
        try (SimTransport sim = SimTransport.withSeed(7)) {
            TrackerServer tracker = TrackerServer.start(sim, "tracker", 6969, Duration.ofSeconds(60));
            Metainfo meta = Torrents.of(content, tracker.announceUrl(), 32 * 1024);
            NodeConfig link = NodeConfig.named("x").withRates(200_000, 1_000_000);
            Client seed = Client.open(sim, "seed", 0, link, ClientOptions.defaults());
            sim.await(seed.seed(meta, new ContentStore(content)), Duration.ofSeconds(5));
            List<MemoryStore> stores = new ArrayList<>();
            List<CompletableFuture<SwarmResult>> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Client c = Client.open(sim, "p" + i, 0, link, ClientOptions.defaults());
                MemoryStore store = new MemoryStore(meta.pieceLength());
                stores.add(store);
                Client.Torrent t = sim.await(c.get(meta, store), Duration.ofSeconds(5));
                results.add(t.completion());
            }
            sim.await(CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)), Duration.ofMinutes(10));
            for (int i = 0; i < 5; i++) {
                assertTrue(results.get(i).get().complete());
                assertArrayEquals(data, stores.get(i).read(0, data.length));
            }
        }
    }
}
