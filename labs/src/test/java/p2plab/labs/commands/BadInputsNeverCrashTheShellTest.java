package p2plab.labs.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.labs.console.Console;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/**
 * Every wrong input gives one line that says what is wrong, never a stack trace, and the shell
 * keeps working afterwards. All inputs run in one session, one after another, as a student would
 * type them.
 */
class BadInputsNeverCrashTheShellTest {

    /** Wrong before any network exists. */
    static final List<String> WITHOUT_NETWORK = List.of(
            "search 0 jazz",
            "peer list",
            "peer kill 1",
            "stats",
            "topology",
            "download 0 song.mp3",
            "share --catalogue 10",
            "export --json /tmp/x.json",
            "network use nowhere",
            "network destroy nowhere");

    /** Wrong with a network of 6 tiny peers whose peer 2 is dead. */
    static final List<String> WITH_NETWORK = List.of(
            "frobnicate",
            "serch 0 jazz",
            "--peers 5",
            "-x",
            "network",
            "network frob",
            "network create",
            "network create tiny",
            "network create nosuch --peers 5",
            "network create tiny --peers",
            "network create tiny --peers x",
            "network create tiny --peers -3",
            "network create tiny --peers 99999999999",
            "network create tiny --peers 5 --topology moebius",
            "network create tiny --peers 5 --degree -1",
            "network create tiny --peers 5 --transport carrier-pigeon",
            "network create tiny --peers 5 --upload fast",
            "network create tiny --peers 5 --download -1MB/s",
            "network create tiny --peers 5 --time-scale 0",
            "network create tiny --peers 5 --seed abc",
            "network create tiny --peers 5 --name bad/name",
            "network create tiny --peers 5 --name tiny-1",
            "network create tiny --peers 5 --option",
            "network create tiny --peers 5 --peers 6",
            "peer",
            "peer add --count 0",
            "peer add --count x",
            "peer add --upload 12 parsecs",
            "peer kill",
            "peer kill 99",
            "peer kill -1",
            "peer kill abc",
            "peer kill 2",
            "peer kill 1 --fraction 0.5",
            "peer kill --fraction 1.5",
            "peer kill --fraction NaN",
            "peer revive 0",
            "peer revive 42",
            "share",
            "share 0",
            "share 0 /no/such/file.mp3",
            "share 77 /tmp",
            "share --catalogue 0",
            "share --catalogue -5",
            "share --catalogue 10 --zipf -1",
            "share 0 /tmp --zipf 2",
            "search",
            "search 0",
            "search 0 !!!",
            "search 2 jazz",
            "search 0 jazz --ttl -1",
            "search 0 jazz --ttl 1000",
            "search zero jazz",
            "download",
            "download 0",
            "download 0 no such song at all",
            "download 0 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "download 2 anything",
            "stats --peer 99",
            "stats --peer x",
            "export",
            "export --json",
            "export --json /no/such/dir/m.json",
            "export --csv /proc/forbidden.csv",
            "topology --dot /no/such/dir/g.dot",
            "compare --peers 1",
            "compare --queries 0",
            "compare --overlays nosuch",
            "compare --ttl -2",
            "run",
            "run /no/such/script.p2p",
            "help nosuch",
            "search 0 \"unclosed quote");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Lab lab = new Lab(Overlays.discover(), Console.plain(new PrintWriter(out), new PrintWriter(err)));
    private final Commands commands = new Commands(lab);

    @Test
    void thereAreAtLeastFiftyBadInputs() {
        assertTrue(WITHOUT_NETWORK.size() + WITH_NETWORK.size() >= 50);
    }

    @Test
    void everyBadInputGivesOneLineAndTheShellSurvives() {
        for (String input : WITHOUT_NETWORK) {
            assertOneLineError(input);
        }
        assertEquals(0, run("network create tiny --peers 6 --seed 1"));
        assertEquals(0, run("peer kill 2"));
        for (String input : WITH_NETWORK) {
            assertOneLineError(input);
        }
        // Still alive and well: the network still answers.
        assertEquals(0, run("search 0 anything"));
        assertTrue(out.toString().contains("messages: "), out.toString());
        assertEquals(0, run("network list"));
        assertTrue(out.toString().contains("tiny-1"));
        lab.close();
    }

    private int run(String input) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return commands.runLine(input);
    }

    private void assertOneLineError(String input) {
        int code = run(input);
        String e = err.toString();
        String all = out + e;
        assertNotEquals(0, code, "'" + input + "' should fail; printed: " + all);
        assertEquals(1, e.lines().count(), "'" + input + "' should print exactly one error line, got:\n" + e);
        assertTrue(e.startsWith("error: "), e);
        assertTrue(e.length() > "error: ".length() + 10, "'" + input + "' error says too little: " + e);
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("internal error"),
                "'" + input + "' leaked an internal failure:\n" + all);
    }
}
