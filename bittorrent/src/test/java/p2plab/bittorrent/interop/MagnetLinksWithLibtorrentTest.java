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
import p2plab.bittorrent.client.Phase;
import p2plab.bittorrent.metainfo.MagnetLink;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.DiskStore;
import p2plab.common.transport.Address;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.tcp.TcpTransport;

/**
 * The metadata exchange (BEP 9 over BEP 10) against libtorrent, peer to peer on loopback with no
 * tracker and no DHT: the magnet link names the peer ({@code x.pe}). Our magnet client fetches the
 * info dictionary and the file from a libtorrent seed, and libtorrent fetches both from ours.
 */
class MagnetLinksWithLibtorrentTest {
    @TempDir
    Path dir;

    private Path file;

    private Metainfo makeTorrent() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        byte[] bytes = new byte[3 * 1024 * 1024 + 4321];
        new Random(14).nextBytes(bytes);
        file = data.resolve("magnet.bin");
        Files.write(file, bytes);
        // 16 KiB pieces: 194 hashes, so the info dictionary is a few KiB
        return Torrents.create(file, null, 16 * 1024);
    }

    /** The session settings of {@link Interop#LIBTORRENT_SESSION}, listening on {@code port}. */
    private static String session(int port) {
        String s = Interop.LIBTORRENT_SESSION;
        return s.substring(0, s.indexOf("p = lt.add_torrent_params()")).replace("127.0.0.1:0", "127.0.0.1:" + port);
    }

    @Test
    void ourMagnetClientGetsMetadataAndFileFromLibtorrent() throws Exception {
        Interop.requireLibtorrent();
        Metainfo meta = makeTorrent();
        Path torrent = dir.resolve("magnet.torrent");
        Torrents.write(meta, torrent);
        int[] port = new int[1];
        Process seed = Interop.startListening(p -> List.of(Interop.PYTHON, "-c", String.join("\n",
                session(p),
                "p = lt.add_torrent_params()",
                "p.ti = lt.torrent_info(sys.argv[1])",
                "p.save_path = sys.argv[2]",
                "p.flags |= lt.torrent_flags.seed_mode",
                "p.flags &= ~lt.torrent_flags.paused",
                "p.flags &= ~lt.torrent_flags.auto_managed",
                "h = s.add_torrent(p)",
                "time.sleep(170)"), torrent.toString(), dir.resolve("data").toString()), dir, "libtorrent-seed", port);
        try (TcpTransport tcp = new TcpTransport()) {
            Client ours = Client.open(tcp, "ours", 0, NodeConfig.named("ours"), ClientOptions.defaults().withoutTracker());
            MagnetLink magnet = MagnetLink.of(meta).withPeers(List.of(new Address("127.0.0.1", port[0])));
            Path out = Files.createDirectories(dir.resolve("out"));
            Client.Torrent t = tcp.await(ours.get(magnet, m -> new DiskStore(m, out)), Duration.ofSeconds(10));
            Metainfo got = tcp.await(t.metadata(), Duration.ofSeconds(60));
            assertEquals(meta.infoHashHex(), got.infoHashHex());
            assertTrue(tcp.await(t.completion(), Duration.ofSeconds(120)).complete(),
                    "incomplete: " + t.lastError() + "\n" + Interop.log(dir, "libtorrent-seed"));
            assertEquals(Phase.SEEDING, t.phase());
            assertEquals(Interop.sha256(file), Interop.sha256(out.resolve("magnet.bin")));
            ours.close();
        } finally {
            Interop.stop(seed);
        }
    }

    @Test
    void libtorrentGetsMetadataAndFileFromOurSeedByMagnet() throws Exception {
        Interop.requireLibtorrent();
        Metainfo meta = makeTorrent();
        Path out = Files.createDirectories(dir.resolve("lt"));
        try (TcpTransport tcp = new TcpTransport()) {
            Client seed = Client.open(tcp, "seed", 0, NodeConfig.named("seed"), ClientOptions.defaults().withoutTracker());
            tcp.await(seed.seed(meta, new DiskStore(meta, dir.resolve("data"))), Duration.ofSeconds(10));
            String magnet = MagnetLink.of(meta).withPeers(List.of(seed.address())).toString();
            Process lt = Interop.start(List.of(Interop.PYTHON, "-c", String.join("\n",
                    session(0),
                    "p = lt.parse_magnet_uri(sys.argv[1])",
                    "p.save_path = sys.argv[2]",
                    "h = s.add_torrent(p)",
                    "deadline = time.time() + 120",
                    "while time.time() < deadline:",
                    "    if h.status().is_seeding:",
                    "        print('done'); sys.stdout.flush(); sys.exit(0)",
                    "    time.sleep(0.05)",
                    "print('timeout', h.status().state, h.status().progress); sys.exit(3)"), magnet, out.toString()), dir, "libtorrent");
            try {
                Interop.awaitExit(lt, dir, "libtorrent", 150);
            } finally {
                Interop.stop(lt);
            }
            assertEquals(Interop.sha256(file), Interop.sha256(out.resolve("magnet.bin")));
            seed.close();
        }
    }
}
