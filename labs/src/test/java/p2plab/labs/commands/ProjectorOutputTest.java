package p2plab.labs.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.labs.Run;
import p2plab.labs.console.Console;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/** Output that reads well on a projector: short summaries first, bounded lists, the shell's own help. */
class ProjectorOutputTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Lab lab = new Lab(Overlays.discover(), new Console(new PrintWriter(out), new PrintWriter(err), false, () -> 120));
    private final Commands commands = new Commands(lab);

    @AfterEach
    void close() {
        lab.close();
    }

    private List<String> run(String line) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(0, commands.runLine(line), line + ": " + err);
        return out.toString().lines().toList();
    }

    @Test
    void searchPrintsTheSummaryThenTwentyRowsAndHowManyMore() {
        run("network create gnutella --peers 300 --seed 4; share --catalogue 600");
        List<String> all = run("search 0 harbor --all");
        int hits = Integer.parseInt(all.get(1).replaceFirst("^hits: (\\d+).*", "$1"));
        assertTrue(hits > 25, "the test needs a search with many hits: " + all.get(1));
        assertEquals(2 + 1 + hits, all.size(), "title, summary, header, every hit");

        List<String> lines = run("search 0 harbor");
        assertEquals(all.get(1), lines.get(1), "the same summary, first");
        assertTrue(lines.get(1).startsWith("hits: " + hits + " ("), lines.get(1));
        assertEquals(2 + 1 + 20 + 1, lines.size(), String.join("\n", lines));
        assertEquals("... and " + (hits - 20) + " more (--all shows every hit, --limit N the first N)", lines.get(lines.size() - 1));
        assertEquals(2 + 1 + 5 + 1, run("search 0 harbor --limit 5").size());
        assertFalse(String.join("\n", lines).contains("search ended"), "details wait for --verbose");
        assertTrue(run("search 0 harbor --limit 1 --verbose").get(2).startsWith("search ended after "));
    }

    @Test
    void aSearchWithoutHitsPrintsNoLatency() {
        run("network create gnutella --peers 30 --seed 2");
        List<String> lines = run("search 3 nobodyhasthisword");
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).matches("hits: 0   messages: \\d+( \\(\\d+ duplicates\\))?   peers reached: \\d+"), lines.get(1));
    }

    @Test
    void kazaaSaysWhatZeroHopsMeansAndKeepsItsDetailsForVerbose() {
        run("network create kazaa --peers 100 -o supernode-ratio=0.05; share --catalogue 300");
        String summary = run("search 7 amber").get(1);
        assertTrue(summary.contains("first hit: at the asker's own supernode, 20.0 ms"), summary);
        assertTrue(summary.length() < 140, "one short line: " + summary);
        assertFalse(summary.contains("guid"), summary);
        assertTrue(String.join("\n", run("search 7 amber --verbose")).contains("guid: "));
    }

    @Test
    void killingAFractionListsTheIdsWrappedOrSaysWhereToSeeThem() {
        run("network create gnutella --peers 400 --seed 3");
        List<String> few = run("peer kill --fraction 0.1");
        assertEquals("killed 40 peers (chosen with the network's seed), 360 still up:", few.get(0));
        List<String> ids = few.subList(1, few.size()).stream().flatMap(l -> List.of(l.trim().split(" ")).stream()).toList();
        assertEquals(40, ids.size(), String.join("\n", few));
        assertTrue(few.stream().allMatch(l -> l.length() <= 120), "wrapped to the terminal");
        assertEquals(List.of("killed 180 peers (chosen with the network's seed), 180 still up; `peer list --down` shows which are down"),
                run("peer kill --fraction 0.5"));
        List<String> down = run("peer list --down");
        assertEquals(1 + 220 + 1, down.size(), "header, the 220 down peers, the count");
        assertEquals("400 peers, 180 up, 220 down", down.get(down.size() - 1));
    }

    @Test
    void helpListsTheShellsCommandsAndClearClears() {
        List<String> help = run("help");
        String text = String.join("\n", help);
        assertFalse(text.contains("Usage: p2plab") || text.contains("-hV"), text);
        assertTrue(help.get(0).startsWith("Commands (`help <command>` shows its options"), text);
        for (String command : List.of("network create|list|use|destroy|speed", "peer add|kill|revive|list", "search", "clear | cls", "quit | exit")) {
            assertTrue(help.stream().anyMatch(l -> l.startsWith(command + " ")), command + " missing:\n" + text);
        }
        assertTrue(help.stream().allMatch(l -> l.length() <= 120), "fits the terminal:\n" + text);
        lab.interactive(true);
        assertEquals(ClearCommand.CLEAR_SCREEN, String.join("", run("clear")));
        assertTrue(run("help search").get(0).startsWith("Usage: search "), "no program name inside the shell");
    }

    @Test
    void experimentListShowsParametersAsNameValueWords() {
        List<String> lines = run("experiment list");
        assertTrue(lines.get(1).startsWith("    n=1..30 swarm-n=1,5,10,15,20,25,30 u=8192"), lines.get(1));
        assertFalse(String.join("\n", lines).contains("{"), "no raw map");
    }

    @Test
    void overlaysWrapTheirDescriptionsInsteadOfCuttingThem() {
        Run r = Run.of("overlays");
        assertFalse(r.out().contains("…"), r.out());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("two messages plus one per hit; dies with the server"), r.out());
    }
}
