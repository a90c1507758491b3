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
        // The info hash does not depend on the announce URL: make the torrent first, start opentracker
        // with it whitelisted on a port it manages to bind, then point the torrent at that port.
        Path made = dir.resolve("made.torrent");
        Process mk = Interop.start(List.of("mktorrent", "-a", "http://127.0.0.1:1/announce", "-l", "18", "-o", made.toString(),
                file.toString()), dir, "mktorrent");
        Interop.awaitExit(mk, dir, "mktorrent", 30);
        Metainfo made0 = Torrents.read(made);

        Path otDir = dir.resolve("ot");
        Files.createDirectories(otDir);
        Files.writeString(otDir.resolve("whitelist.txt"), made0.infoHashHex() + "\n");
        otDir.toFile().setExecutable(true, false);
        otDir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        int[] trackerPort = new int[1];
        Process tracker = Interop.startListening(port -> List.of("opentracker", "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-P", Integer.toString(port), "-d", otDir.toString(), "-w", "whitelist.txt"), otDir, "opentracker", trackerPort);
        String announce = "http://127.0.0.1:" + trackerPort[0] + "/announce";
        Metainfo meta = new Metainfo(announce, made0.name(), made0.pieceLength(), made0.pieceHashes(), made0.files(),
                made0.multiFile(), made0.infoBytes(), made0.infoHash());
        Path torrent = dir.resolve("real.torrent");
        Torrents.write(meta, torrent);
        Process seed = null;
        try {
            seed = Interop.start(Interop.aria2("--dir=" + data, "--check-integrity=true", "--bt-hash-check-seed=true",
                    "--seed-ratio=0.0", "--listen-port=" + Interop.portRange(), torrent.toString()), dir, "aria2-seed");
            // aria2 checks its data, then announces: wait until opentracker counts it as a seed
            Interop.await("aria2's announce to opentracker", 30, () -> Interop.seedsAt(trackerPort[0], meta.infoHash()) > 0);
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
