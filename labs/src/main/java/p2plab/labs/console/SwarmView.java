package p2plab.labs.console;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.overlay.PeerId;
import p2plab.common.units.DataSize;

/**
 * A live view of several downloads at once: one bar per peer (up to {@link #MAX_ROWS}), or one
 * line for all of them, redrawn in place at most every 100 ms. Peers report from their own
 * threads; only the thread that made the view draws ({@link #redraw}), so a TCP swarm is drawn
 * by the shell as it waits, and a simulated one as its events run.
 */
public final class SwarmView {
    static final int MAX_ROWS = 20;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final Console console;
    private final List<PeerId> peers;
    private final AtomicLongArray done;
    private final AtomicLongArray total;
    private final Thread owner = Thread.currentThread();
    private long lastDraw = Long.MIN_VALUE;
    private int linesDrawn;
    private boolean finished;

    public SwarmView(Console console, List<PeerId> peers) {
        this.console = console;
        this.peers = List.copyOf(peers);
        this.done = new AtomicLongArray(peers.size());
        this.total = new AtomicLongArray(peers.size());
    }

    /** What the {@code i}-th peer's download reports to. */
    public DownloadProgress progress(int i) {
        return (bytes, size, sources) -> {
            done.set(i, bytes);
            total.set(i, size);
            redraw(false);
        };
    }

    /** Draws the view if it is time to (or {@code force}), from the thread that made it only. */
    public void redraw(boolean force) {
        long now = System.nanoTime();
        if (finished || Thread.currentThread() != owner || !console.ansi() || (!force && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        List<String> lines = lines();
        StringBuilder out = new StringBuilder();
        if (linesDrawn > 0) {
            out.append("\u001b[").append(linesDrawn).append('F'); // back to the first line of the view
        }
        for (String l : lines) {
            out.append(l).append("\u001b[K\n");
        }
        console.out().print(out);
        console.out().flush();
        linesDrawn = lines.size();
    }

    /** Draws the final state once more. */
    public void finish() {
        if (linesDrawn > 0) {
            redraw(true);
        }
        finished = true; // downloads left running after a Ctrl-C must not draw over the prompt
    }

    /** The view's text: a bar per peer, or one summary line for a big swarm. */
    List<String> lines() {
        if (peers.size() > MAX_ROWS) {
            long d = 0;
            long t = 0;
            int complete = 0;
            for (int i = 0; i < peers.size(); i++) {
                d += done.get(i);
                t += total.get(i);
                complete += total.get(i) > 0 && done.get(i) >= total.get(i) ? 1 : 0;
            }
            return List.of(String.format(Locale.ROOT, "[%s] %3d%%  %d of %d peers done  %s of %s", ProgressBar.bar(t == 0 ? 0 : (double) d / t),
                    t == 0 ? 0 : (int) (100 * d / t), complete, peers.size(), DataSize.format(d), DataSize.format(t)));
        }
        int width = peers.stream().mapToInt(p -> p.toString().length()).max().orElse(1);
        return java.util.stream.IntStream.range(0, peers.size()).mapToObj(i -> {
            long d = done.get(i);
            long t = total.get(i);
            double f = t == 0 ? 0 : (double) d / t;
            return String.format(Locale.ROOT, "peer %" + width + "s [%s] %3d%%  %s", peers.get(i), ProgressBar.bar(f), (int) (100 * f),
                    t == 0 ? "starting" : DataSize.format(d) + " of " + DataSize.format(t));
        }).toList();
    }
}
