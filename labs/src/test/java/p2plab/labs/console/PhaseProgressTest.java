package p2plab.labs.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class PhaseProgressTest {

    @Test
    void theLineShowsThePhaseABarAndTheCount() {
        assertEquals("building gnutella-1: handshakes [===============>              ] 500 of 1000  12 s  (Ctrl-C cancels)",
                PhaseProgress.line("building gnutella-1", "handshakes", 500, 1000, 12.2));
        assertEquals("compare: generating the topology  0 s  (Ctrl-C cancels)",
                PhaseProgress.line("compare", "generating the topology", 0, 0, 0.1));
    }

    @Test
    void aNewPhaseIsDrawnAtOnceAndWipedAtTheEnd() {
        StringWriter text = new StringWriter();
        PhaseProgress p = new PhaseProgress(new Console(new PrintWriter(text), new PrintWriter(text), true, () -> 100), "experiment x");
        p.update("search", 1, 4);
        p.update("search", 2, 4); // within the first second: not redrawn
        assertTrue(text.toString().contains("experiment x: search ["), text.toString());
        assertFalse(text.toString().contains("2 of 4"), text.toString());
        assertTrue(p.finish());
        assertTrue(text.toString().endsWith("\r\u001b[K"), "the bar is wiped");
    }

    @Test
    void anUpdateOnAnInterruptedThreadCancels() {
        PhaseProgress p = new PhaseProgress(Console.plain(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), "x");
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> p.update("loop", 1, 2));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void updatesFromOtherThreadsNeitherDrawNorCancel() throws Exception {
        StringWriter text = new StringWriter();
        PhaseProgress p = new PhaseProgress(new Console(new PrintWriter(text), new PrintWriter(text), true, () -> 100), "x");
        Thread other = new Thread(() -> {
            Thread.currentThread().interrupt();
            p.update("peer thread", 1, 2);
        });
        other.start();
        other.join();
        assertEquals("", text.toString());
        assertFalse(p.finish());
    }
}
