package p2plab.labs.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import p2plab.labs.commands.Commands;
import p2plab.labs.console.Console;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/**
 * In the interactive shell a simulated network is live: between commands its protocol time
 * follows the wall clock times its speed.
 */
class LiveClockTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter w = new PrintWriter(text, true);

    @Test
    void protocolTimeFollowsTheWallClockTimesTheSpeed() throws Exception {
        try (Lab lab = new Lab(Overlays.discover(), Console.plain(w, w))) {
            Commands c = new Commands(lab);
            assertEquals(0, c.runLine("network create napster --peers 3 --name slow; network create napster --peers 3 --name fast; "
                    + "network speed 10x; network create napster --peers 3 --name still; network speed pause"), text.toString());
            LiveClock clock = new LiveClock(lab);
            long slow = nanos(lab, "slow");
            long fast = nanos(lab, "fast");
            long still = nanos(lab, "still");
            long start = System.nanoTime();
            Thread.sleep(300);
            clock.tick();
            long real = System.nanoTime() - start;
            assertTrue(nanos(lab, "slow") - slow >= 290_000_000L && nanos(lab, "slow") - slow <= real, "1x");
            assertTrue(nanos(lab, "fast") - fast >= 2_900_000_000L && nanos(lab, "fast") - fast <= 10 * real, "10x");
            assertEquals(still, nanos(lab, "still"), "paused");
            clock.restart(); // after a command: its time passed inside it
            clock.tick();
            assertTrue(nanos(lab, "slow") - slow < real + 50_000_000L, "no time counted twice");
        }
    }

    private static long nanos(Lab lab, String network) {
        return lab.get(network).network().transport().clock().nanos();
    }
}
