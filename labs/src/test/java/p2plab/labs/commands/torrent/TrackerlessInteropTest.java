package p2plab.labs.commands.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.common.content.Digests;

/**
 * Trackerless BitTorrent with real clients, no tracker anywhere: a small DHT on 127.0.0.1 that
 * starts from one `dht node`, and magnet links only. libtorrent seeds and our `get` fetches the
 * metadata and the data from it; our `seed --dht` serves libtorrent and aria2, each with its own
 * DHT node joined through ours. Files are compared by SHA-256.
 */
@Timeout(90)
class TrackerlessInteropTest {
    private static final Pattern NODE = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+) \\(UDP\\)");

    @TempDir
    Path tmp;

    private final StandaloneSwarmTest.Shell shell = new StandaloneSwarmTest.Shell();
    private final List<AutoCloseable> programs = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable p : programs) {
            p.close();
        }
        TorrentJobs.of(shell.lab).closeAll();
    }

    @Test
    void getFetchesAMagnetLinkFromALibtorrentSeedThroughTheDht() throws Exception {
        LibtorrentDhtPeer.requireLibtorrent();
        String bootstrap = dhtNode();
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.write(src.resolve("lecture.mp4"), StandaloneSwarmTest.randomBytes(2 * 1024 * 1024 + 555, 21));
        Path torrent = torrent(src.resolve("lecture.mp4"), "lecture.torrent");
        programs.add(LibtorrentDhtPeer.seed(torrent, src, bootstrap, tmp));

        Path out = tmp.resolve("out");
        String magnet = shell.ok("torrent magnet " + torrent).out().strip();
        String got = shell.ok("get " + magnet + " --dht-bootstrap " + bootstrap + " --dir " + out + " --timeout 40").out();
        assertPhasesInOrder(got);
        assertTrue(got.contains("(libtorrent)"), "the bytes came from libtorrent: " + got);
        assertEquals(sha256(src.resolve("lecture.mp4")), sha256(out.resolve("lecture.mp4")), "our copy differs from libtorrent's file");
    }

    @Test
    void libtorrentFetchesAMultiFileMagnetLinkFromOurSeedThroughTheDht() throws Exception {
        LibtorrentDhtPeer.requireLibtorrent();
        String bootstrap = dhtNode();
        Path album = Files.createDirectories(tmp.resolve("src/album/disc1"));
        Files.write(album.resolve("01.flac"), StandaloneSwarmTest.randomBytes(700_001, 22));
        Files.write(album.resolve("02.flac"), StandaloneSwarmTest.randomBytes(300_000, 23));
        Files.write(album.resolveSibling("cover.jpg"), StandaloneSwarmTest.randomBytes(40_000, 24));
        Path folder = tmp.resolve("src/album");
        Path torrent = torrent(folder, "album.torrent");
        String seed = shell.ok("seed " + torrent + " " + folder + " --port 0 --dht-bootstrap " + bootstrap + " --background").out();
        assertTrue(seed.contains("announcing into the DHT"), seed);
        String magnet = magnetOf(torrent);
        assertTrue(seed.contains("magnet link: " + magnet), seed);

        Path out = Files.createDirectories(tmp.resolve("lt"));
        LibtorrentDhtPeer leech = LibtorrentDhtPeer.get(magnet, out, bootstrap, 40, tmp);
        programs.add(leech);
        LibtorrentDhtPeer.Report r = leech.awaitDone(45);
        String ours = "127.0.0.1:" + StandaloneSwarmTest.match(Pattern.compile(" on 127\\.0\\.0\\.1:(\\d+)"), seed, 1);
        assertEquals(List.of(ours), r.peers(), "libtorrent got every block from our seed");
        assertTrue(r.metadataMs() >= 0, "libtorrent took the metadata from us: " + leech.log());
        for (String f : List.of("disc1/01.flac", "disc1/02.flac", "cover.jpg")) {
            assertEquals(sha256(folder.resolve(f)), sha256(out.resolve("album").resolve(f)), f + " differs");
        }
    }

    @Test
    void aria2FetchesAMagnetLinkFromOurSeedThroughItsOwnDht() throws Exception {
        String aria2 = StandaloneAria2Test.onPath("aria2c");
        String bootstrap = dhtNode();
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.write(src.resolve("notes.pdf"), StandaloneSwarmTest.randomBytes(1024 * 1024 + 99, 25));
        Path torrent = torrent(src.resolve("notes.pdf"), "notes.torrent");
        shell.ok("seed " + torrent + " " + src + " --port 0 --dht-bootstrap " + bootstrap + " --background");

        Path out = Files.createDirectories(tmp.resolve("aria2"));
        int dhtPort = 20000 + ThreadLocalRandom.current().nextInt(40000);
        // aria2 asks its DHT for peers a few seconds after start, and again for the data once the
        // metadata is in (about 20 s later): about half a minute in all on loopback.
        List<String> cmd = List.of(aria2, "--interface=127.0.0.1", "--disable-ipv6=true", "--enable-dht=true", "--enable-dht6=false",
                "--dht-listen-port=" + dhtPort, "--dht-entry-point=" + bootstrap, "--dht-file-path=" + tmp.resolve("aria2-dht.dat"),
                "--bt-enable-lpd=false", "--enable-peer-exchange=false", "--file-allocation=none", "--allow-overwrite=true",
                "--auto-file-renaming=false", "--summary-interval=0", "--no-conf=true", "--seed-time=0",
                "--listen-port=" + (dhtPort + 1) + "-" + (dhtPort + 99), "--dir=" + out, magnetOf(torrent));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("aria2.log").toFile()).start();
        programs.add(p::destroyForcibly);
        if (!p.waitFor(75, TimeUnit.SECONDS)) {
            fail("aria2 did not finish within 75 s: " + Files.readString(tmp.resolve("aria2.log"), StandardCharsets.UTF_8));
        }
        assertEquals(0, p.exitValue(), "aria2 failed: " + Files.readString(tmp.resolve("aria2.log"), StandardCharsets.UTF_8));
        assertEquals(sha256(src.resolve("notes.pdf")), sha256(out.resolve("notes.pdf")), "aria2's copy differs");
    }

    /** Starts a `dht node` in this session; returns its HOST:PORT. */
    private String dhtNode() {
        return StandaloneSwarmTest.match(NODE, shell.ok("dht node --background").out(), 1);
    }

    /** A trackerless v1 torrent of {@code path}, 16 KiB pieces. */
    private Path torrent(Path path, String name) {
        Path t = tmp.resolve(name);
        shell.ok("torrent create " + path + " --piece-length 16KiB --out " + t);
        Metainfo meta = Torrents.read(t);
        assertEquals(null, meta.announce(), "no tracker anywhere");
        return t;
    }

    private String magnetOf(Path torrent) {
        return shell.ok("torrent magnet " + torrent).out().strip();
    }

    /** `get` printed its steps in order: finding peers, the DHT's answer, fetching metadata, the metadata verified, downloading. */
    private static void assertPhasesInOrder(String out) {
        int at = -1;
        for (String step : List.of("finding peers", "the DHT found 1 peer: 127.0.0.1:", "fetching metadata", "metadata fetched from the peers",
                "SHA-1 equals the info hash", "downloading lecture.mp4")) {
            int next = out.indexOf(step, at + 1);
            assertTrue(next > at, "'" + step + "' after the steps before it: " + out);
            at = next;
        }
    }

    private static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(Digests.sha256(Files.readAllBytes(file)));
    }
}
