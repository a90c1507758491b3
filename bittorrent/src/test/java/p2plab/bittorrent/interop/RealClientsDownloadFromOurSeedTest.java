package p2plab.bittorrent.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.bittorrent.tracker.TrackerServer;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.tcp.TcpTransport;

/** Our tracker and our seed over real TCP; aria2 and libtorrent download our .torrent from them. */
class RealClientsDownloadFromOurSeedTest {

    @TempDir
    Path dir;

    @Test
    void aria2AndLibtorrentDownloadFromOurSeedThroughOurTracker() throws Exception {
        Interop.require("aria2c");
        Interop.requireLibtorrent();
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        byte[] bytes = new byte[3 * 1024 * 1024 + 12345];
        new Random(1).nextBytes(bytes);
        Path file = data.resolve("payload.bin");
        Files.write(file, bytes);
        try (TcpTransport tcp = new TcpTransport()) {
            TrackerServer tracker = TrackerServer.start(tcp, "tracker", 0, Duration.ofSeconds(5));
            Metainfo meta = Torrents.create(file, tracker.announceUrl(), Torrents.DEFAULT_PIECE_LENGTH);
            Path torrent = dir.resolve("payload.torrent");
            Torrents.write(meta, torrent);
            Client seed = Client.open(tcp, "seed", 0, NodeConfig.named("seed"), ClientOptions.defaults());
            tcp.await(seed.seed(meta, new DiskStore(meta, data)), Duration.ofSeconds(10));
            waitForPeers(tracker, meta, 1);

            Path ariaOut = dir.resolve("aria");
            Files.createDirectories(ariaOut);
            Process aria = Interop.start(Interop.aria2("--dir=" + ariaOut, "--seed-time=0",
                    "--listen-port=" + Interop.portRange(), torrent.toString()), dir, "aria2");
            Path ltOut = dir.resolve("lt");
            Files.createDirectories(ltOut);
            Process lt = Interop.start(Interop.libtorrentLeech(torrent, ltOut), dir, "libtorrent");
            try {
                Interop.awaitExit(aria, dir, "aria2", 60);
                Interop.awaitExit(lt, dir, "libtorrent", 60);
            } finally {
                Interop.stop(aria);
                Interop.stop(lt);
            }
            String expected = Interop.sha256(file);
            assertEquals(expected, Interop.sha256(ariaOut.resolve("payload.bin")));
            assertEquals(expected, Interop.sha256(ltOut.resolve("payload.bin")));
            seed.close();
        }
    }

    static void waitForPeers(TrackerServer tracker, Metainfo meta, int n) throws Exception {
        for (int i = 0; i < 100; i++) {
            java.util.concurrent.CompletableFuture<Integer> count = new java.util.concurrent.CompletableFuture<>();
            tracker.node().execute(() -> count.complete(tracker.peerCount(meta.infoHash())));
            if (count.get(5, java.util.concurrent.TimeUnit.SECONDS) >= n) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("our seed never announced to our tracker");
    }
}
