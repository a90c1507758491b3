package p2plab.labs.console;

import java.io.PrintWriter;
import java.util.function.IntSupplier;

/**
 * Where the shell writes: normal output, one-line errors, and colours only when a person is
 * watching a terminal (scripts and pipes get plain text).
 */
public final class Console {
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean ansi;
    private final IntSupplier width;

    public Console(PrintWriter out, PrintWriter err, boolean ansi, IntSupplier width) {
        this.out = out;
        this.err = err;
        this.ansi = ansi;
        this.width = width;
    }

    /** Plain text on the given writers, 100 columns wide. */
    public static Console plain(PrintWriter out, PrintWriter err) {
        return new Console(out, err, false, () -> 100);
    }

    public boolean ansi() {
        return ansi;
    }

    /** Columns available for a table; 100 when the terminal does not say. */
    public int width() {
        int w = width.getAsInt();
        return w < 20 ? 100 : w;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public void println(String line) {
        out.println(line);
        out.flush();
    }

    public void error(String message) {
        out.flush();
        err.println(colour(Colour.RED, "error: ") + message);
        err.flush();
    }

    public String colour(Colour c, String text) {
        return ansi ? c.code + text + RESET : text;
    }

    /** The few colours the shell uses. */
    public enum Colour {
        RED("\u001b[31m"), GREEN("\u001b[32m"), YELLOW("\u001b[33m"), CYAN("\u001b[36m"), BOLD("\u001b[1m"), DIM("\u001b[2m");

        final String code;

        Colour(String code) {
            this.code = code;
        }
    }
}
