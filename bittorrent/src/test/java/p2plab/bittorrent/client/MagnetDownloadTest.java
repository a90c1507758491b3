package p2plab.bittorrent.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.metainfo.MagnetLink;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.peer.SwarmResult;
import p2plab.bittorrent.storage.ContentStore;
import p2plab.bittorrent.storage.MemoryStore;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.Transport;
import p2plab.common.transport.sim.SimTransport;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * A magnet link alone, with a fixed peer list and no tracker anywhere: the metadata comes from the
 * peers (BEP 9), then the pieces, byte for byte. In simulation the info dictionary is 17 KiB, two
 * ut_metadata pieces; over TCP one.
 */
class MagnetDownloadTest {
    @Test
    void magnetDownloadAmongOurPeersInSimulation() throws Exception {
        try (SimTransport sim = SimTransport.withSeed(11)) {
            run(sim, 1024, 850, 2);
        }
    }

    @Test
    void magnetDownloadOverTcpLoopback() throws Exception {
        try (TcpTransport tcp = new TcpTransport()) {
            run(tcp, 16 * 1024, 64, 1);
        }
    }

    @Test
    void aMultiFileTorrentByMagnetLandsFileByFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("seed").resolve("album"));
        java.nio.file.Files.createDirectories(folder.resolve("cd1"));
        byte[] a = new byte[70_000];
        byte[] b = new byte[12_345];
        new Random(2).nextBytes(a);
        new Random(3).nextBytes(b);
        java.nio.file.Files.write(folder.resolve("cd1").resolve("track1.ogg"), a);
        java.nio.file.Files.write(folder.resolve("notes.txt"), b);
        Metainfo meta = Torrents.create(folder, null, 16 * 1024);
        try (SimTransport sim = SimTransport.withSeed(13)) {
            ClientOptions noTracker = ClientOptions.defaults().withoutTracker();
            Client seed = Client.open(sim, "seed", 0, NodeConfig.named("seed"), noTracker);
            sim.await(seed.seed(meta, new p2plab.bittorrent.storage.DiskStore(meta, dir.resolve("seed"))), Duration.ofSeconds(1));
            Client leecher = Client.open(sim, "leecher", 0, NodeConfig.named("leecher"), noTracker);
            java.nio.file.Path out = dir.resolve("out");
            Client.Torrent t = sim.await(leecher.get(MagnetLink.of(meta).withPeers(List.of(seed.address())),
                    m -> new p2plab.bittorrent.storage.DiskStore(m, out)), Duration.ofSeconds(1));
            assertTrue(sim.await(t.completion(), Duration.ofSeconds(60)).complete());
            assertTrue(t.metainfo().multiFile());
            assertArrayEquals(a, java.nio.file.Files.readAllBytes(out.resolve("album").resolve("cd1").resolve("track1.ogg")));
            assertArrayEquals(b, java.nio.file.Files.readAllBytes(out.resolve("album").resolve("notes.txt")));
        }
    }

    @Test
    void aMagnetLinkForATorrentTheClientAlreadyHasIsRefused() throws Exception {
        try (SimTransport sim = SimTransport.withSeed(12)) {
            BytesContent content = new BytesContent("x.bin", new byte[5000]);
            Metainfo meta = Torrents.of(content, null, 1024);
            Client c = Client.open(sim, "c", 0, NodeConfig.named("c"), ClientOptions.defaults().withoutTracker());
            sim.await(c.seed(meta, new ContentStore(content)), Duration.ofSeconds(1));
            java.util.concurrent.CompletableFuture<Client.Torrent> again = c.get(MagnetLink.of(meta), m -> new MemoryStore(1024));
            sim.advance(Duration.ofSeconds(1));
            String why = again.handle((t, e) -> e == null ? "accepted" : e.getMessage()).join();
            assertEquals("this client already has torrent " + meta.infoHashHex() + "; stop it first", why);
        }
    }

    private static void run(Transport transport, int pieceLength, int pieces, int metadataPieces) throws Exception {
        byte[] data = new byte[(pieces - 1) * pieceLength + 77];
        new Random(5).nextBytes(data);
        BytesContent content = new BytesContent("magnet me.bin", data);
        Metainfo meta = Torrents.of(content, null, pieceLength);
        assertEquals(metadataPieces, (meta.infoBytes().length + 16383) / 16384, "ut_metadata pieces");
        ClientOptions noTracker = ClientOptions.defaults().withoutTracker();
        Client seed = Client.open(transport, "seed", 0, NodeConfig.named("seed"), noTracker);
        transport.await(seed.seed(meta, new ContentStore(content)), Duration.ofSeconds(5));

        MagnetLink magnet = MagnetLink.parse(meta.magnet()).withPeers(List.of(seed.address()));
        assertEquals(List.of(), magnet.trackers(), "no tracker anywhere");
        Client leecher = Client.open(transport, "leecher", 0, NodeConfig.named("leecher"), noTracker);
        MemoryStore[] store = new MemoryStore[1];
        Client.Torrent t = transport.await(leecher.get(magnet, m -> store[0] = new MemoryStore(m.pieceLength())),
                Duration.ofSeconds(5));
        List<Phase> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        phases.add(t.phase());
        t.metadata().thenAccept(m -> phases.add(t.phase()));
        Metainfo got = transport.await(t.metadata(), Duration.ofSeconds(30));
        assertArrayEquals(meta.infoBytes(), got.infoBytes());
        assertEquals(meta.infoHashHex(), got.infoHashHex());
        SwarmResult r = transport.await(t.completion(), Duration.ofSeconds(60));
        assertTrue(r.complete());
        assertArrayEquals(data, store[0].read(0, data.length));
        assertEquals(Phase.SEEDING, t.phase());
        if (transport instanceof SimTransport) { // over TCP the handshake may be done before we look
            assertEquals(Phase.FINDING_PEERS, phases.get(0));
        }
        assertEquals(Phase.DOWNLOADING, phases.get(1));
        assertNull(t.lastError(), "nothing went wrong: " + t.lastError());

        // the new seed answers metadata requests too: a second magnet leecher that knows only it
        Client second = Client.open(transport, "second", 0, NodeConfig.named("second"), noTracker);
        MemoryStore[] store2 = new MemoryStore[1];
        Client.Torrent t2 = transport.await(second.get(MagnetLink.parse(meta.magnet()).withPeers(List.of(leecher.address())),
                m -> store2[0] = new MemoryStore(m.pieceLength())), Duration.ofSeconds(5));
        assertTrue(transport.await(t2.completion(), Duration.ofSeconds(60)).complete());
        assertArrayEquals(data, store2[0].read(0, data.length));
        assertTrue(t2.session().result().sources().containsKey(leecher.peerKey()), "the pieces came from the first leecher");
        seed.close();
        leecher.close();
        second.close();
    }
}

