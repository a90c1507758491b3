package p2plab.labs.commands.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import p2plab.labs.Main;

/** `network create` on a terminal shows each phase of a large build as it starts, then wipes the bar. */
class NetworkCreateProgressTest {

    @Test
    void eachPhaseOfTheBuildIsShownOnTheTerminal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"-c", "network create gnutella --peers 3000"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), true);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        for (String phase : new String[] {"generating the topology", "starting peers", "handshakes"}) {
            assertTrue(shown.contains("\rbuilding gnutella-1: " + phase), phase + " was not shown: " + shown);
        }
        assertTrue(shown.contains("\r\u001b[K") && shown.contains("created gnutella-1: gnutella, 3000 peers"),
                "the bar is wiped before the result: " + shown);
    }
}
