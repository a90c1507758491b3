package p2plab.labs.commands.torrent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.labs.session.Transcript;

/**
 * {@code tracker kill} in the shell: a new peer of a tracker-based swarm finds nobody once the
 * tracker is dead, and gets the file once {@code tracker revive} brought it back; a new peer of
 * a trackerless swarm gets the file with the tracker dead, in simulation and over TCP.
 */
class TrackerKillTest {
    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void file() throws Exception {
        file = dir.resolve("demo.bin");
        byte[] bytes = new byte[40_000];
        new Random(5).nextBytes(bytes);
        Files.write(file, bytes);
    }

    @Test
    void aNewPeerOfATrackerBasedSwarmFindsNobodyUntilTheTrackerIsBack() {
        String t = Transcript.of(List.of("network create bittorrent --peers 3 -o interval=2 --seed 1", "share 1 " + file,
                "tracker kill", "peer add", "download 4 demo.bin", "tracker kill", "tracker revive", "download 4 demo.bin"));
        assertTrue(t.contains("killed the tracker (peer 0) of bittorrent-1: peers already connected keep trading; new peers (`peer add`,"
                + " then `download`) find nobody to download from"), t);
        String[] downloads = t.split("> download 4 demo.bin");
        assertTrue(downloads[1].contains("did not finish within 1800 s of protocol time") && downloads[1].contains("[exit 1]"), t);
        assertTrue(t.contains("error: the tracker (peer 0) of bittorrent-1 is down already; `tracker revive` brings it back"), t);
        assertTrue(t.contains("revived the tracker (peer 0) of bittorrent-1"), t);
        assertTrue(downloads[2].contains("downloaded 'demo.bin' (39.06 KiB) to peer 4"), t);
    }

    @Test
    void aNewPeerOfATrackerlessSwarmGetsTheFileWithTheTrackerDeadOnBothDrivers() {
        // Then every holder dies and one comes back: it announces again, and the last peer can only have found it there.
        for (String transport : List.of("sim", "tcp --time-scale 5")) {
            String t = Transcript.of(List.of("network create bittorrent --peers 3 --trackerless --seed 1 --transport " + transport,
                    "share 1 " + file, "download 2 demo.bin", "tracker kill", "peer add", "download 4 demo.bin", "dht table 4",
                    "peer kill 1", "peer kill 2", "peer kill 4", "peer revive 4", "peer add", "download 5 demo.bin"));
            assertTrue(t.contains("trackerless (peers meet through a Kademlia DHT)"), t);
            assertTrue(t.contains("new peers still find peers through the DHT"), t);
            assertTrue(t.contains("downloaded 'demo.bin' (39.06 KiB) to peer 2"), t);
            assertTrue(t.contains("downloaded 'demo.bin' (39.06 KiB) to peer 4"), "the new peer met the swarm through the DHT:\n" + t);
            assertTrue(t.contains("\n    67ec8e65  p1 "), "peer 4's DHT node knows peer 1's:\n" + t);
            assertTrue(t.contains("downloaded 'demo.bin' (39.06 KiB) to peer 5"), "peer 4, revived, announced again:\n" + t);
            assertTrue(t.contains("sources: 1   peer 4 39.06 KiB (100%)"), t);
            assertTrue(!t.contains("[exit"), t);
        }
    }

    @Test
    void trackerCommandsNeedABitTorrentNetwork() {
        String t = Transcript.of(List.of("network create gnutella --peers 3", "tracker kill",
                "network create gnutella --peers 3 --trackerless", "network create bittorrent --peers 3 -o trackerless=true"));
        assertTrue(t.contains("error: gnutella-1 is a gnutella network and has no tracker; `network create bittorrent --peers N` makes one that has"), t);
        assertTrue(t.contains("error: --trackerless is for bittorrent networks"), t);
        assertTrue(t.contains("error: -o trackerless=true alone leaves peers no way to meet; use --trackerless"), t);
    }

    @Test
    void aTrackerlessSwarmCanStartFromMagnetLinksWithMetadataFromPeers() {
        String t = Transcript.of(List.of("network create bittorrent --peers 3 --trackerless -o magnet=true --seed 1",
                "share 1 " + file, "tracker kill", "peer add", "download 4 demo.bin", "peer list"));
        assertTrue(t.contains("downloaded 'demo.bin' (39.06 KiB) to peer 4"), "magnet, DHT, metadata from peers, pieces:\n" + t);
        assertTrue(!t.contains("[exit"), t);
    }
}
