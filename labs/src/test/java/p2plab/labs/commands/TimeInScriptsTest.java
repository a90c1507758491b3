package p2plab.labs.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import p2plab.labs.console.Console;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/**
 * In a script, protocol time moves only inside commands: `wait` is how it passes between them
 * (simulation: exactly that much; TCP: that much real time over the time scale), and commands
 * that start something return once the network has settled.
 */
class TimeInScriptsTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter w = new PrintWriter(text, true);

    @Test
    void aNapsterPeerCanSearchRightAfterTheNetworkIsCreated() {
        try (Lab lab = lab()) {
            Commands c = new Commands(lab);
            assertEquals(0, c.runLine("network create napster --peers 4"), text.toString());
            assertEquals(0, c.runLine("search 2 foo"), text.toString());
            assertTrue(text.toString().contains("hits: 0 "), text.toString());
        }
    }

    @Test
    void waitLetsExactlyThatMuchSimulatedTimePass() {
        try (Lab lab = lab()) {
            Commands c = new Commands(lab);
            assertEquals(0, c.runLine("network create napster --peers 4"), text.toString());
            long before = lab.current().network().transport().clock().nanos();
            assertEquals(0, c.runLine("wait 2.5s"), text.toString());
            assertEquals(2_500_000_000L, lab.current().network().transport().clock().nanos() - before);
            assertTrue(text.toString().contains("2.5 s of protocol time passed in napster-1"), text.toString());
        }
    }

    @Test
    void waitOverTcpSleepsTheDurationOverTheTimeScale() {
        try (Lab lab = lab()) {
            Commands c = new Commands(lab);
            assertEquals(0, c.runLine("network create napster --peers 2 --transport tcp --time-scale 10"), text.toString());
            long start = System.nanoTime();
            assertEquals(0, c.runLine("wait 5s"), text.toString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 500 && millis < 5_000, "5 s of protocol time at 10x is 0.5 s of real time, took " + millis + " ms");
        }
    }

    @Test
    void badDurationsAndSpeedsSayWhatIsAccepted() {
        try (Lab lab = lab()) {
            Commands c = new Commands(lab);
            assertEquals(1, c.runLine("wait 5s"));
            assertEquals(0, c.runLine("network create napster --peers 2"));
            assertEquals(1, c.runLine("wait soon"));
            assertEquals(1, c.runLine("wait 0s"));
            assertEquals(1, c.runLine("network speed fast"));
            String out = text.toString();
            assertTrue(out.contains("error: there is no network to wait for; create one first, e.g. `network create napster --peers 4`"), out);
            assertTrue(out.contains("error: 'soon' is not a duration; write it like 500ms, 10s, 1.5s, 2m or 1h"), out);
            assertTrue(out.contains("error: wait takes a duration above 0 and up to 24h, got 0s"), out);
            assertTrue(out.contains("error: speed must be a factor such as 1x, 10x or 0.5x (above 0, at most 1000x), or pause; got 'fast'"), out);
        }
    }

    @Test
    void networkSpeedIsForSimulatedNetworksAndSaysWhenItApplies() {
        try (Lab lab = lab()) {
            Commands c = new Commands(lab);
            assertEquals(0, c.runLine("network create napster --peers 2"));
            assertEquals(0, c.runLine("network speed 10x"));
            assertEquals(10.0, lab.current().speed());
            assertEquals(0, c.runLine("network speed pause"));
            assertEquals(0.0, lab.current().speed());
            assertEquals(0, c.runLine("network create napster --peers 2 --transport tcp"));
            assertEquals(1, c.runLine("network speed 2x"));
            String out = text.toString();
            assertTrue(out.contains("napster-1: protocol time runs at 10x the wall clock in the interactive shell; "
                    + "in a script time passes only inside commands (use `wait`)"), out);
            assertTrue(out.contains("napster-1: paused"), out);
            assertTrue(out.contains("error: napster-2 runs over TCP, in real time (x its --time-scale); `network speed` is for simulated networks"), out);
        }
    }

    private Lab lab() {
        return new Lab(Overlays.discover(), Console.plain(w, w));
    }
}
