package p2plab.labs.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.labs.commands.Commands;
import p2plab.labs.console.Console;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/**
 * Ctrl-C in the shell (here: {@link LabThread#cancel()} half a second into a command) stops that
 * command only, whatever it was doing (waiting over TCP, building a network, running an
 * experiment); the prompt comes back and the networks made before are all there.
 */
class CancellingCommandsTest {
    private final StringWriter text = new StringWriter();
    private final PrintWriter w = new PrintWriter(text, true);

    @Test
    void aWaitOverTcpIsCancelledAndTheNetworkStays() throws Exception {
        try (Lab lab = new Lab(Overlays.discover(), Console.plain(w, w));
             LabThread thread = new LabThread(new LiveClock(lab), e -> w.println("tick failed: " + e))) {
            Commands c = new Commands(lab);
            assertEquals(0, thread.run(() -> c.runLine("network create napster --peers 3 --transport tcp")), text.toString());
            long millis = cancelledAfterHalfASecond(thread, c, "wait 1h");
            assertTrue(millis < 5_000, "the wait ended at the Ctrl-C, took " + millis + " ms");
            assertEquals(0, thread.run(() -> c.runLine("search 1 anything")), text.toString());
            assertEquals(0, thread.cancel(), "nothing runs: nothing to cancel");
        }
    }

    @Test
    void aBigNetworkBuildAndAnExperimentAreCancelledAndNothingIsLeftHalfBuilt(@TempDir Path dir) throws Exception {
        try (Lab lab = new Lab(Overlays.discover(), Console.plain(w, w));
             LabThread thread = new LabThread(new LiveClock(lab), e -> w.println("tick failed: " + e))) {
            Commands c = new Commands(lab);
            assertEquals(0, thread.run(() -> c.runLine("network create napster --peers 3 --name kept; network speed pause")), text.toString());
            long build = cancelledAfterHalfASecond(thread, c, "network create gnutella --peers 60000 --name big");
            long experiment = cancelledAfterHalfASecond(thread, c, "experiment search-cost --out " + dir + " -p peers=3000 -p queries=300");
            assertTrue(build < 10_000 && experiment < 10_000, "stopped soon after the Ctrl-C: " + build + " ms, " + experiment + " ms");
            assertFalse(lab.has("big"), "the cancelled build left no network behind");
            assertTrue(lab.has("kept"));
            assertEquals("kept", lab.currentName());
            assertEquals(0, thread.run(() -> c.runLine("search 1 anything")), text.toString());
        }
    }

    /** Runs {@code line} on the lab thread, presses Ctrl-C half a second in; returns how long the command took in all. */
    private long cancelledAfterHalfASecond(LabThread thread, Commands c, String line) {
        Thread ctrlC = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            thread.cancel();
        });
        long start = System.nanoTime();
        ctrlC.start();
        int code = thread.run(() -> c.runLine(line));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, code, line + ":\n" + text);
        assertTrue(text.toString().endsWith("error: cancelled; the networks that were there before are intact (`network list`)\n"),
                line + ":\n" + text);
        return millis;
    }
}
