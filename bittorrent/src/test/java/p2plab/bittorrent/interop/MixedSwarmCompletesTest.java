package p2plab.bittorrent.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.peer.SwarmResult;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.bittorrent.tracker.TrackerServer;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * One seed (ours), leechers of three kinds: two of ours, aria2 and libtorrent, all through our
 * tracker over TCP. Every copy must end with the seed's sha256.
 */
class MixedSwarmCompletesTest {

    @TempDir
    Path dir;

    @Test
    void mixedSwarmOfOurPeersAria2AndLibtorrentCompletes() throws Exception {
        Interop.require("aria2c");
        Interop.requireLibtorrent();
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        byte[] bytes = new byte[4 * 1024 * 1024 + 99];
        new Random(3).nextBytes(bytes);
        Path file = data.resolve("mixed.bin");
        Files.write(file, bytes);
        String expected = Interop.sha256(file);
        try (TcpTransport tcp = new TcpTransport()) {
            TrackerServer tracker = TrackerServer.start(tcp, "tracker", 0, Duration.ofSeconds(3));
            Metainfo meta = Torrents.create(file, tracker.announceUrl(), 64 * 1024);
            Path torrent = dir.resolve("mixed.torrent");
            Torrents.write(meta, torrent);
            ClientOptions fastAnnounce = ClientOptions.defaults().withMaxReannounce(Duration.ofSeconds(2));
            Client seed = Client.open(tcp, "seed", 0, NodeConfig.named("seed").withRates(1_500_000, 0), fastAnnounce);
            tcp.await(seed.seed(meta, new DiskStore(meta, data)), Duration.ofSeconds(10));
            RealClientsDownloadFromOurSeedTest.waitForPeers(tracker, meta, 1);

            List<CompletableFuture<SwarmResult>> ours = new ArrayList<>();
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Client c = Client.open(tcp, "ours" + i, 0, NodeConfig.named("ours" + i), fastAnnounce);
                clients.add(c);
                ours.add(tcp.await(c.get(meta, new DiskStore(meta, dir.resolve("ours" + i))), Duration.ofSeconds(10)).completion());
            }
            Files.createDirectories(dir.resolve("aria"));
            Files.createDirectories(dir.resolve("lt"));
            Process aria = Interop.start(Interop.aria2("--dir=" + dir.resolve("aria"), "--seed-time=0",
                    "--listen-port=" + Interop.portRange(), torrent.toString()), dir, "aria2");
            Process lt = Interop.start(Interop.libtorrentLeech(torrent, dir.resolve("lt")), dir, "libtorrent");
            try {
                Interop.awaitExit(aria, dir, "aria2", 90);
                Interop.awaitExit(lt, dir, "libtorrent", 90);
                for (CompletableFuture<SwarmResult> f : ours) {
                    assertTrue(tcp.await(f, Duration.ofSeconds(60)).complete());
                }
            } finally {
                Interop.stop(aria);
                Interop.stop(lt);
            }
            for (Client c : clients) {
                c.close();
            }
            seed.close();
            assertEquals(expected, Interop.sha256(dir.resolve("aria/mixed.bin")), "aria2");
            assertEquals(expected, Interop.sha256(dir.resolve("lt/mixed.bin")), "libtorrent");
            assertEquals(expected, Interop.sha256(dir.resolve("ours0/mixed.bin")), "ours0");
            assertEquals(expected, Interop.sha256(dir.resolve("ours1/mixed.bin")), "ours1");
        }
    }
}
