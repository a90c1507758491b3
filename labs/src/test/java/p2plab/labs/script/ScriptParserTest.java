package p2plab.labs.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

    @Test
    void linesAndSemicolonsSeparateCommands() {
        List<ScriptParser.Line> lines = ScriptParser.parse("network create gnutella --peers 5; peer list\nsearch 0 jazz\n");
        assertEquals(3, lines.size());
        assertEquals(List.of("network", "create", "gnutella", "--peers", "5"), lines.get(0).words());
        assertEquals(List.of("peer", "list"), lines.get(1).words());
        assertEquals(2, lines.get(2).number());
    }

    @Test
    void quotesKeepSpacesAndSemicolons() {
        List<ScriptParser.Line> lines = ScriptParser.parse("share 3 \"my music; live\" ; download 0 'Blue Moon.mp3'");
        assertEquals(List.of("share", "3", "my music; live"), lines.get(0).words());
        assertEquals(List.of("download", "0", "Blue Moon.mp3"), lines.get(1).words());
    }

    @Test
    void commentsAndBlankLinesAreSkipped() {
        List<ScriptParser.Line> lines = ScriptParser.parse("# lab 2\n\n   \npeer list # all of them\n");
        assertEquals(1, lines.size());
        assertEquals(List.of("peer", "list"), lines.get(0).words());
        assertEquals(4, lines.get(0).number());
    }

    @Test
    void aHashInsideAWordIsNotAComment() {
        assertEquals(List.of("search", "0", "c#"), ScriptParser.parse("search 0 c#").get(0).words());
    }

    @Test
    void backslashEscapesInsideDoubleQuotes() {
        assertEquals(List.of("say \"hi\""), ScriptParser.parse("\"say \\\"hi\\\"\"").get(0).words());
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptParser.parse("peer list\nsearch 0 \"jazz"));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
    }

    @Test
    void emptyTextHasNoCommands() {
        assertTrue(ScriptParser.parse(" ;; \n").isEmpty());
    }
}
