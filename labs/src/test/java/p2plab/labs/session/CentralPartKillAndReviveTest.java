package p2plab.labs.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The single-point-of-failure demonstration on every overlay, on both drivers: kill the part
 * the others depend on, search, revive it, search again, in one session. The two drivers must
 * tell the same story, line for line (addresses and measured times aside), because commands
 * that start something wait until the network has settled.
 */
class CentralPartKillAndReviveTest {
    @TempDir
    static Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"napster", "gnutella", "kazaa", "bittorrent"})
    void killSearchReviveSearchTellsTheSameStoryOnBothDrivers(String overlay) throws Exception {
        Path file = dir.resolve("demo.bin");
        if (!Files.exists(file)) {
            byte[] bytes = new byte[20_000];
            new Random(7).nextBytes(bytes);
            Files.write(file, bytes);
        }
        String sim = Transcript.of(session(overlay, "sim", file));
        String tcp = Transcript.of(session(overlay, "tcp", file));
        String expected = Transcript.driverFree(sim).replace(" simulated,", " TCP on 127.0.0.1,").replace("--transport sim", "--transport tcp --time-scale 10");
        assertEquals(expected, Transcript.driverFree(tcp), "sim:\n" + sim + "\ntcp:\n" + tcp);
        assertStory(overlay, sim);
    }

    /** Peer ids chosen so the killed part sits between the asker and the holder. */
    private static List<String> session(String overlay, String transport, Path file) {
        List<String> s = new ArrayList<>();
        // Over TCP protocol time runs 10x faster, so a 3 s search window takes 0.3 s of the test's time.
        String t = " --transport " + transport + (transport.equals("tcp") ? " --time-scale 10" : "") + " --seed 1";
        switch (overlay) {
            case "napster" -> s.addAll(List.of("network create napster --peers 4" + t, "share 2 " + file,
                    "search 3 demo", "peer kill 0", "search 3 demo", "peer revive 0", "search 3 demo",
                    "peer kill 2", "search 3 demo"));
            case "gnutella" -> s.addAll(List.of("network create gnutella --peers 6 --topology line" + t, "share 4 " + file,
                    "search 0 demo", "peer kill 2", "search 0 demo", "peer revive 2", "search 0 demo"));
            case "kazaa" -> s.addAll(List.of("network create kazaa --peers 30" + t, "share 4 " + file,
                    "search 3 demo", "peer kill 1", "search 3 demo", "peer revive 1", "search 3 demo"));
            case "bittorrent" -> s.addAll(List.of("network create bittorrent --peers 4 -o interval=2" + t, "share 1 " + file,
                    "search 2 demo", "peer kill 0", "search 2 demo", "peer revive 0", "search 2 demo",
                    "peer add", "download 5 demo.bin"));
            default -> throw new IllegalArgumentException(overlay);
        }
        return s;
    }

    private static void assertStory(String overlay, String t) {
        List<String> searches = List.of(t.split("> search ")).subList(1, t.split("> search ").length);
        switch (overlay) {
            case "napster" -> {
                assertTrue(searches.get(0).contains("hits: 1 (1 file)"), t);
                assertTrue(searches.get(1).contains("error: index server unreachable: peer 3 is not logged in")
                        && searches.get(1).contains("[exit 1]"), t);
                assertTrue(searches.get(2).contains("hits: 1 (1 file)"), "the peers logged back in before `peer revive` returned:\n" + t);
                assertTrue(searches.get(3).contains("hits: 0 "), "the killed holder's file left the index:\n" + t);
            }
            case "gnutella" -> {
                assertTrue(searches.get(0).contains("hits: 1 (1 file)   first hit: 4 hops"), t);
                assertTrue(searches.get(1).contains("hits: 0 "), "peer 2 cut the line:\n" + t);
                assertTrue(searches.get(2).contains("hits: 1 (1 file)"), "peer 2 rejoined its neighbours:\n" + t);
            }
            case "kazaa" -> {
                assertTrue(searches.get(0).contains("hits: 1 (1 file)   first hit: 1 supernode hop away"), "via two supernodes:\n" + t);
                assertTrue(searches.get(1).contains("hits: 1 (1 file)   first hit: at the asker's own supernode"), "the children failed over to supernode 0:\n" + t);
                assertTrue(searches.get(2).contains("hits: 1 (1 file)"), t);
            }
            case "bittorrent" -> {
                assertTrue(searches.get(0).contains("hits: 1 (1 file)"), t);
                assertTrue(searches.get(1).contains("error: search failed: tracker") && searches.get(1).contains("[exit 1]"), t);
                assertTrue(searches.get(2).contains("hits: 1 (1 file)"), t);
                assertTrue(t.contains("downloaded 'demo.bin' (19.53 KiB) to peer 5"), "a new peer joined through the revived tracker:\n" + t);
            }
            default -> throw new IllegalArgumentException(overlay);
        }
        assertTrue(!t.contains("still pending"), "every change settled:\n" + t);
    }
}
