package p2plab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.common.metrics.Json;

/**
 * Script mode on the simulator with a fixed seed prints fixed figures. Runs on the tiny test
 * overlay (registered in test resources) so it does not wait for the real overlays; the ring of
 * 10 peers makes every figure computable by hand.
 */
class ScriptModeFiguresTest {
    private static final String SETUP = "network create tiny --peers 10 --seed 7 --topology ring; share --catalogue 30; ";

    @Test
    void aSearchOnARingReportsHopsMessagesAndPeersReached() {
        Run r = Run.script(SETUP + "search 0 marble");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("created tiny-1: tiny, 10 peers, ring topology"), r.out());
        assertTrue(r.out().contains("shared a catalogue of 30 files (zipf 0.8, seed 7) over 10 peers: 38 copies"), r.out());
        assertTrue(r.out().contains("Marble Falcon - Ocean.pdf"), r.out());
        // Default TTL 4 on a ring of 10: the query reaches the 8 peers within 4 hops of peer 0.
        // The summary comes first, then the hits; duplicates only when there were any.
        assertTrue(r.out().contains("hits: 1 (1 file)   first hit: 2 hops, 2000.0 ms   messages: 10   peers reached: 8\n#  name"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void theSameSeedPrintsTheSameOutput() {
        assertEquals(Run.script(SETUP + "search 3 ocean; stats").out(), Run.script(SETUP + "search 3 ocean; stats").out());
    }

    @Test
    void searchJsonIsExactlyOneDocumentWithTheFigures() throws Exception {
        Run r = Run.of("-c", "network create tiny --peers 10 --seed 7 --topology ring; share --catalogue 30; stats --reset");
        assertEquals(0, r.code(), r.err());
        Run s = Run.script(SETUP + "search 5 marble --json");
        String json = s.out().substring(s.out().indexOf('{'));
        JsonNode doc = Json.mapper().readTree(json);
        assertEquals(3, doc.get("hopsToFirstHit").asInt());
        assertEquals(11, doc.get("messages").asInt());
        assertEquals(8, doc.get("peersReached").asInt());
        assertEquals(8, doc.get("hits").get(0).get("holder").asInt());
    }

    @Test
    void onlyJsonIsPrintedWhenAskedForJson() throws Exception {
        Run r = Run.of("-c", "network create tiny --peers 6 --seed 3 > /dev/null");
        assertTrue(r.code() != 0, "a stray '>' is an error, not a redirect");
        for (String cmd : new String[] {"peer list --json", "topology --json", "stats --json", "compare --overlays tiny --peers 10 --queries 5 --json"}) {
            Run one = Run.of(cmd.split(" "));
            if (cmd.startsWith("compare")) {
                assertEquals(0, one.code(), one.err());
                JsonNode doc = Json.mapper().readTree(one.out());
                assertEquals("tiny", doc.get("results").get(0).get("overlay").asText());
            } else {
                assertTrue(one.code() != 0, cmd + " without a network must fail");
                assertEquals("", one.out());
            }
        }
    }

    @Test
    void statsCountMessagesByTypeAndTopologyGivesTheRingsDiameter() {
        Run r = Run.script(SETUP + "stats --reset; search 0 marble; stats; topology");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*tiny/Hit\\s+2\\s+.*tiny/Query\\s+8\\s+.*total\\s+10\\s+.*"), r.out());
        assertTrue(r.out().contains("tiny-1: 10 peers, 10 up, 10 links"), r.out());
        assertTrue(r.out().contains("degree: min 2, mean 2.00, max 2   diameter: 5   components: 1"), r.out());
    }

    @Test
    void killingAPeerShowsInPeerListAndTopology() {
        Run r = Run.script(SETUP + "peer kill 5; peer list; topology");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("killed peer 5"), r.out());
        assertTrue(r.out().contains("10 peers, 9 up, 1 down"), r.out());
        assertTrue(r.out().contains("diameter: 8"), r.out()); // the ring is now a line of 9
    }

    @Test
    void downloadByNameReportsTimeAndSources() {
        Run r = Run.script(SETUP + "download 0 Marble Falcon - Ocean.pdf");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("downloaded 'Marble Falcon - Ocean.pdf' (6.23 KiB) to peer 0"), r.out());
        assertTrue(r.out().contains("verified"), r.out());
        assertTrue(r.out().contains("sources: 1   peer 8 6.23 KiB (100%)"), r.out());
    }

    @Test
    void scriptModeStopsAtTheFirstFailingCommandWithANonZeroCode() {
        Run r = Run.script("network create tiny --peers 4; peer kill 9; peer list");
        assertEquals(1, r.code());
        assertFalse(r.out().contains("4 up"), "peer list must not run after the failure: " + r.out());
        assertTrue(r.err().contains("there is no peer 9"), r.err());
        assertTrue(r.err().contains("stopped at -c line 1, command 2: peer kill 9"), r.err());
    }

    @Test
    void runFileEchoesCommandsAndPrintsPlainText(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("lab2.p2p");
        Files.writeString(script, "# a lab\nnetwork create tiny --peers 8 --seed 2\nshare --catalogue 20\nsearch 1 harbor\n");
        Run r = Run.of("run", script.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("> network create tiny --peers 8 --seed 2"), r.out());
        assertTrue(r.out().contains("messages: "), r.out());
        assertFalse(r.out().contains("\u001b["), "no ANSI codes off a terminal");
    }

    @Test
    void exportWritesJsonAndCsv(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("m.json");
        Path csv = dir.resolve("m.csv");
        Run r = Run.script(SETUP + "stats --reset; search 0 marble; export --json " + json + "; export --csv " + csv);
        assertEquals(0, r.code(), r.err());
        assertEquals(10, Json.mapper().readTree(Files.readString(json)).get("total").get("messagesSent").asInt());
        assertTrue(Files.readString(csv).contains("type,tiny/Query,8,"), Files.readString(csv));
    }

    @Test
    void shareFromDiskSharesEveryFileOfAFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("blue moon.txt"), "hello");
        Files.writeString(dir.resolve("red moon.txt"), "hello again");
        Run r = Run.script("network create tiny --peers 5 --seed 1; share 2 " + dir + "; search 0 moon; download 0 red moon.txt");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("peer 2 shares 2 files (16 B)"), r.out());
        assertTrue(r.out().contains("hits: 2 (2 files)"), r.out());
        assertTrue(r.out().contains("downloaded 'red moon.txt' (11 B) to peer 0"), r.out());
    }

    @Test
    void compareRunsTheSameWorkloadAndPrintsOneColumnPerOverlay() {
        Run r = Run.of("compare", "--overlays", "tiny", "--peers", "12", "--queries", "10", "--seed", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("10 queries over 48 files on 12 peers, seed 4"), r.out());
        assertTrue(r.out().contains("messages per query"), r.out());
        assertTrue(r.out().contains("success rate"), r.out());
        assertEquals(r.out(), Run.of("compare", "--overlays", "tiny", "--peers", "12", "--queries", "10", "--seed", "4").out());
    }
}
