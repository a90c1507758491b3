package p2plab.labs.console;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import p2plab.common.overlay.Progress;

/**
 * The line a long operation keeps redrawing: {@code building gnutella-1: handshakes
 * [=========>          ]  51200 of 200000  12 s}. A new phase shows at once; counts within a
 * phase are redrawn at most every 100 ms after the first second. The line is wiped when the
 * operation ends, so the result reads as if it had never been there. It is also where Ctrl-C reaches a loop: an update on an interrupted
 * thread throws {@link CancellationException}. Only the thread that made it draws or cancels;
 * updates from other threads (a TCP peer's) are ignored.
 */
public final class PhaseProgress implements Progress {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final Console console;
    private final String what;
    private final Thread owner = Thread.currentThread();
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;
    private String lastPhase;
    private boolean finished;

    /** @param what the operation, e.g. {@code "building gnutella-1"} */
    public PhaseProgress(Console console, String what) {
        this.console = console;
        this.what = what;
    }

    @Override
    public void update(String phase, long done, long total) {
        if (finished || Thread.currentThread() != owner) {
            return;
        }
        if (owner.isInterrupted()) {
            throw new CancellationException("cancelled");
        }
        long now = System.nanoTime();
        boolean newPhase = !phase.equals(lastPhase);
        lastPhase = phase;
        // A new phase is shown at once: the next update may come only when the phase is over.
        if (!console.ansi() || (!newPhase && (now - start < QUIET_NANOS || (drawn && now - lastDraw < REDRAW_NANOS)))) {
            return;
        }
        lastDraw = now;
        drawn = true;
        console.out().print("\r" + line(what, phase, done, total, (now - start) / 1e9) + "\u001b[K");
        console.out().flush();
    }

    /** Wipes the bar; true if one was drawn (whatever was on its line before is gone too). */
    public boolean finish() {
        finished = true;
        if (!drawn) {
            return false;
        }
        console.out().print("\r\u001b[K");
        console.out().flush();
        drawn = false;
        return true;
    }

    /** The bar's text; {@code total} 0 means unknown (a count without a bar). */
    public static String line(String what, String phase, long done, long total, double seconds) {
        String count = total > 0 ? " [" + ProgressBar.bar((double) done / total) + "] " + done + " of " + total
                : done > 0 ? " " + done + " done" : "";
        return String.format(Locale.ROOT, "%s: %s%s  %.0f s  (Ctrl-C cancels)", what, phase, count, seconds);
    }
}
