package p2plab.bittorrent.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.peer.SwarmResult;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * Everything real but us: mktorrent makes the .torrent, opentracker tracks, aria2 seeds; our peer
 * reads the .torrent, announces to opentracker and downloads from aria2 over TCP.
 */
class OurPeerDownloadsFromRealSeedTest {

    @TempDir
    Path dir;

    @Test
    void ourPeerDownloadsFromAria2ThroughOpentracker() throws Exception {
        Interop.require("aria2c", "opentracker", "mktorrent");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        byte[] bytes = new byte[2 * 1024 * 1024 + 777];
        new Random(2).nextBytes(bytes);
        Path file = data.resolve("real-seed.bin");
        Files.write(file, bytes);
        int trackerPort = Interop.freePort();
        String announce = "http://127.0.0.1:" + trackerPort + "/announce";
        Path torrent = dir.resolve("real.torrent");
        Process mk = Interop.start(List.of("mktorrent", "-a", announce, "-l", "18", "-o", torrent.toString(), file.toString()),
                dir, "mktorrent");
        Interop.awaitExit(mk, dir, "mktorrent", 30);
        Metainfo meta = Torrents.read(torrent);

        Path otDir = dir.resolve("ot");
        Files.createDirectories(otDir);
        Files.writeString(otDir.resolve("whitelist.txt"), meta.infoHashHex() + "\n");
        otDir.toFile().setExecutable(true, false);
        otDir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        Process tracker = Interop.start(List.of("opentracker", "-i", "127.0.0.1", "-p", Integer.toString(trackerPort),
                "-P", Integer.toString(trackerPort), "-d", otDir.toString(), "-w", "whitelist.txt"), otDir, "opentracker");
        Process seed = null;
        try {
            Thread.sleep(300);
            assertTrue(tracker.isAlive(), "opentracker did not start: " + Interop.log(otDir, "opentracker"));
            seed = Interop.start(Interop.aria2("--dir=" + data, "--check-integrity=true", "--bt-hash-check-seed=true",
                    "--seed-ratio=0.0", "--listen-port=" + Interop.freePort(), torrent.toString()), dir, "aria2-seed");
            Thread.sleep(1500); // let aria2 check its data and announce before we ask for peers
            Path out = dir.resolve("out");
            try (TcpTransport tcp = new TcpTransport()) {
                Client ours = Client.open(tcp, "ours", 0, NodeConfig.named("ours"),
                        ClientOptions.defaults().withMaxReannounce(Duration.ofSeconds(2)));
                Client.Torrent t = tcp.await(ours.get(meta, new DiskStore(meta, out)), Duration.ofSeconds(10));
                SwarmResult r = tcp.await(t.completion(), Duration.ofSeconds(60));
                assertTrue(r.complete(), "incomplete; tracker error: " + t.lastTrackerError() + "\n" + Interop.log(dir, "aria2-seed"));
                t.stop();
            }
            assertEquals(Interop.sha256(file), Interop.sha256(out.resolve("real-seed.bin")));
        } finally {
            Interop.stop(seed);
            Interop.stop(tracker);
        }
    }
}
