package p2plab.bittorrent.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.peer.SwarmResult;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.bittorrent.tracker.TrackerServer;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

/** No piece ever writes a 0-byte file, so the download must create it (and an empty torrent's only file). */
class EmptyFilesAreCreatedTest {

    @TempDir
    Path dir;

    private SwarmResult download(Path shared, Path out) throws Exception {
        try (SimTransport sim = SimTransport.withSeed(2)) {
            TrackerServer tracker = TrackerServer.start(sim, "tracker", 6969, Duration.ofSeconds(60));
            Metainfo meta = Torrents.create(shared, tracker.announceUrl(), 32 * 1024);
            Client seed = Client.open(sim, "seed", 0, NodeConfig.named("seed"), ClientOptions.defaults());
            sim.await(seed.seed(meta, new DiskStore(meta, shared.getParent())), Duration.ofSeconds(5));
            Client leecher = Client.open(sim, "leecher", 0, NodeConfig.named("leecher"), ClientOptions.defaults());
            Client.Torrent t = sim.await(leecher.get(meta, new DiskStore(meta, out)), Duration.ofSeconds(5));
            return sim.await(t.completion(), Duration.ofMinutes(5));
        }
    }

    @Test
    void emptyFilesOfAFolderTorrentAreCreated() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("src/album"));
        byte[] a = new byte[100_000];
        new Random(1).nextBytes(a);
        Files.write(folder.resolve("a.bin"), a);
        Files.write(folder.resolve("empty.txt"), new byte[0]);
        Files.createDirectories(folder.resolve("sub"));
        Files.write(folder.resolve("sub/also-empty"), new byte[0]);
        Path out = dir.resolve("out");
        assertTrue(download(folder, out).complete());
        assertArrayEquals(a, Files.readAllBytes(out.resolve("album/a.bin")));
        assertTrue(Files.isRegularFile(out.resolve("album/empty.txt")), "0-byte file created");
        assertEquals(0, Files.size(out.resolve("album/empty.txt")));
        assertTrue(Files.isRegularFile(out.resolve("album/sub/also-empty")), "0-byte file in a sub-folder created");
    }

    @Test
    void anEmptySingleFileTorrentCreatesItsFile() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Path empty = Files.write(dir.resolve("src/nothing.bin"), new byte[0]);
        Path out = dir.resolve("out");
        assertTrue(download(empty, out).complete());
        assertTrue(Files.isRegularFile(out.resolve("nothing.bin")), "the empty torrent's file exists");
        assertEquals(0, Files.size(out.resolve("nothing.bin")));
    }
}
