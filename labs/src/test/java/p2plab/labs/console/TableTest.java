package p2plab.labs.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private static List<String> print(Table t, boolean ansi, int width) {
        StringWriter out = new StringWriter();
        t.print(new Console(new PrintWriter(out), new PrintWriter(new StringWriter()), ansi, () -> width));
        return out.toString().lines().toList();
    }

    @Test
    void numbersAlignRightAndTextLeft() {
        Table t = new Table("peer", "role", "messages").row(3, "supernode", 120).row(12, "ordinary node", 7);
        List<String> lines = print(t, false, 100);
        assertEquals("peer  role           messages", lines.get(0));
        assertEquals("   3  supernode           120", lines.get(1));
        assertEquals("  12  ordinary node         7", lines.get(2));
    }

    @Test
    void wideRowsAreCutToTheTerminalWidth() {
        Table t = new Table("id", "neighbours").row(1, "2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30");
        for (String line : print(t, false, 40)) {
            assertTrue(line.length() <= 40, line);
        }
        assertTrue(print(t, false, 40).get(1).endsWith("…"));
    }

    @Test
    void proseInTheLastColumnWrapsInsteadOfBeingCut() {
        Table t = new Table("overlay", "what it shows").wrapLast()
                .row("gnutella", "decentralised search: queries flood hop by hop with a TTL")
                .row("napster", "central index");
        List<String> lines = print(t, false, 40);
        assertEquals(List.of(
                "overlay   what it shows",
                "gnutella  decentralised search: queries",
                "          flood hop by hop with a TTL",
                "napster   central index"), lines);
    }

    @Test
    void colourOnlyOnATerminal() {
        Table t = new Table("a").row("x");
        assertFalse(String.join("\n", print(t, false, 80)).contains("\u001b["));
        assertTrue(print(t, true, 80).get(0).contains("\u001b["));
    }
}
