package p2plab.labs.commands.torrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `get` with a magnet link, and `seed --dht`, refuse what cannot work in one line, before
 * anything listens: no way to find peers, a broken link, a bad bootstrap address, a bootstrap
 * where no DHT node answers.
 */
@Timeout(60)
class GetMagnetBadInputsTest {
    private static final String HASH = "3d7545c258df11b68ef759bbdf527899fc345188";

    @TempDir
    Path tmp;

    private final StandaloneSwarmTest.Shell shell = new StandaloneSwarmTest.Shell();

    @AfterEach
    void closeEverything() {
        TorrentJobs.of(shell.lab).closeAll();
    }

    @Test
    void aMagnetLinkWithNoWayToFindPeersIsRefusedAtOnce() {
        long t0 = System.nanoTime();
        shell.failsWith("get magnet:?xt=urn:btih:" + HASH + " --dir " + tmp, "names no tracker and no peer, so there is no one to ask;"
                + " find peers through the DHT with --dht-bootstrap HOST:PORT");
        shell.failsWith("get magnet:?xt=urn:btih:" + HASH + "&tr=http://127.0.0.1:1/announce --no-tracker --dir " + tmp,
                "--no-tracker leaves no way to find peers; find peers through the DHT with --dht-bootstrap HOST:PORT");
        shell.failsWith("get magnet:?xt=urn:btih:" + HASH + "&tr=udp://127.0.0.1:1 --dir " + tmp, "not http://");
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "at once, not after a timeout");
    }

    @Test
    void brokenLinksAndAddressesGetOneLine() {
        shell.failsWith("get magnet:?xt=urn:btih:1234 --dir " + tmp, "bad magnet link");
        shell.failsWith("get magnet:?dn=x --dir " + tmp, "bad magnet link");
        shell.failsWith("get magnet:?xt=urn:btih:" + HASH + " --dht-bootstrap 127.0.0.1 --dir " + tmp,
                "--dht-bootstrap needs HOST:PORT of a running DHT node");
        shell.failsWith("get magnet:?xt=urn:btih:" + HASH + " --dht-bootstrap 127.0.0.1:1 --dir " + tmp + " --timeout 5",
                "no DHT node answered at 127.0.0.1:1; start one with `dht node`");
        assertEquals(2, shell.run("get").code(), "a missing argument is a usage error");
    }

    @Test
    void aTrackerlessTorrentNeedsTheDhtAndSeedDhtPrintsItsMagnetLink() throws Exception {
        Path file = tmp.resolve("a.bin");
        Files.write(file, StandaloneSwarmTest.randomBytes(40_000, 5));
        Path torrent = tmp.resolve("a.torrent");
        shell.ok("torrent create " + file + " --out " + torrent);
        shell.failsWith("get " + torrent + " --dir " + tmp.resolve("o"), "names no tracker, so there is no one to ask for peers;"
                + " find peers through the DHT with --dht-bootstrap HOST:PORT");
        shell.failsWith("seed " + torrent + " " + file + " --port 0 --dht-bootstrap nowhere", "--dht-bootstrap needs HOST:PORT");

        String seed = shell.ok("seed " + torrent + " " + file + " --port 0 --dht --background").out();
        assertTrue(seed.contains("(a DHT of its own: others join with --dht-bootstrap 127.0.0.1:"), seed);
        assertTrue(seed.contains("magnet link: " + shell.ok("torrent magnet " + torrent).out().strip()), seed);
        assertTrue(shell.ok("seed list").out().contains("and the DHT"), "seed list says the seed is in the DHT");
    }
}
