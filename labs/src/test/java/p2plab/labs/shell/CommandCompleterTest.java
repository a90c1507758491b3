package p2plab.labs.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.labs.commands.Commands;
import p2plab.labs.console.Console;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/** Tab completion without a terminal: what the completer offers for a half-typed line. */
class CommandCompleterTest {
    private final Lab lab = new Lab(Overlays.discover(), Console.plain(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
    private final Commands commands = new Commands(lab);
    private final CommandCompleter completer = new CommandCompleter(commands::spec);

    @AfterEach
    void close() {
        lab.close();
    }

    private List<String> complete(String line) {
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE), out);
        return out.stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void commandsComplete() {
        assertEquals(List.of("network"), complete("netw"));
        assertTrue(complete("").containsAll(List.of("network", "peer", "search", "download", "compare", "quit")));
    }

    @Test
    void subcommandsOptionsAndOverlayNamesComplete() {
        assertEquals(List.of("create"), complete("network cr"));
        assertEquals(List.of("tiny"), complete("network create ti"));
        assertEquals(List.of("--topology"), complete("network create tiny --peers 5 --top"));
        assertTrue(complete("network create tiny --topology ").contains("random-regular"));
    }

    @Test
    void peerIdsAndNetworkNamesCompleteFromTheSession() {
        assertEquals(0, commands.runLine("network create tiny --peers 3; network create tiny --peers 2 --name other"));
        assertEquals(List.of("--fraction", "0", "1"), complete("peer kill ")); // "other", the current network, has peers 0 and 1
        assertEquals(List.of("other", "tiny-1"), complete("network use "));
    }

    @Test
    void downloadCompletesTheNamesOfSharedFiles() {
        assertEquals(0, commands.runLine("network create tiny --peers 4 --seed 7; share --catalogue 30"));
        List<String> names = complete("download 1 Marb");
        assertTrue(names.contains("Marble Falcon - Ocean.pdf"), names.toString());
    }
}
