package p2plab.labs.console;

import java.util.Locale;
import java.util.function.LongSupplier;
import p2plab.common.overlay.DownloadProgress;
import p2plab.common.units.DataRate;
import p2plab.common.units.DataSize;

/**
 * A live one-line download bar: {@code [=====>    ]  48%  1.2 MB/s  3 sources  ETA 4 s}.
 * Rate and ETA are in protocol time (virtual in simulation), redrawn at most every 100 ms of
 * real time so a fast simulated transfer does not flood the terminal. Hand-made rather than a
 * library bar because it must share JLine's terminal writer.
 */
public final class ProgressBar implements DownloadProgress {
    private static final int BAR = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final Console console;
    private final LongSupplier protocolNanos;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;
    private boolean drawn;
    private volatile boolean finished;

    public ProgressBar(Console console, LongSupplier protocolNanos) {
        this.console = console;
        this.protocolNanos = protocolNanos;
        this.start = protocolNanos.getAsLong();
    }

    @Override
    public void update(long done, long total, int sources) {
        if (finished) {
            return; // a cancelled download goes on in the live network: the prompt is not its to draw on
        }
        long now = System.nanoTime();
        if (done < total && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        console.out().print("\r" + line(done, total, sources, (protocolNanos.getAsLong() - start) / 1e9) + "\u001b[K");
        console.out().flush();
        drawn = true;
    }

    /** Ends the bar's line, if one was drawn. */
    public void finish() {
        finished = true;
        if (drawn) {
            console.out().println();
            console.out().flush();
        }
    }

    /** {@code =====>     }: {@code fraction} (0..1) of the bar filled. */
    static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR);
        return "=".repeat(filled) + (filled < BAR ? ">" + " ".repeat(BAR - filled - 1) : "");
    }

    /** The bar's text for the given state; {@code seconds} of protocol time since the start. */
    public static String line(long done, long total, int sources, double seconds) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        String bar = bar(fraction);
        long rate = seconds > 0 ? (long) (done / seconds) : 0;
        String eta = rate > 0 && done < total ? String.format(Locale.ROOT, "ETA %.1f s", (total - done) / (double) rate) : "";
        return String.format(Locale.ROOT, "[%s] %3d%%  %s of %s  %s  %d %s  %s", bar, (int) (fraction * 100),
                DataSize.format(done), DataSize.format(total), rate > 0 ? DataRate.format(rate) : "-",
                sources, sources == 1 ? "source" : "sources", eta).stripTrailing();
    }
}
