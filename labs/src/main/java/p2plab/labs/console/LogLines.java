package p2plab.labs.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What the transports log (a protocol handler or a timer that threw, a send that failed) reaches
 * the user as one line on the session's error stream, {@code warning: ...}, instead of Java's
 * default two-line header and a stack trace; {@code --debug} adds the stack trace back.
 */
public final class LogLines extends Handler {
    private static final SimpleFormatter MESSAGE = new SimpleFormatter();
    private final PrintWriter err;
    private final boolean debug;

    private LogLines(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
        setLevel(Level.INFO);
    }

    /** Replaces the handlers of the root logger (Java's console handler) with one that writes to {@code err}. */
    public static void install(PrintWriter err, boolean debug) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.addHandler(new LogLines(err, debug));
    }

    /** The one line a record becomes: its level, its message and, unless the message names it, its exception. */
    static String line(LogRecord r) {
        String message = MESSAGE.formatMessage(r);
        Throwable t = r.getThrown();
        if (t != null && !message.contains(t.toString())) {
            message += " (" + t + ")";
        }
        return r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                + message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public void publish(LogRecord r) {
        if (!isLoggable(r)) {
            return;
        }
        StringWriter trace = new StringWriter();
        if (debug && r.getThrown() != null) {
            r.getThrown().printStackTrace(new PrintWriter(trace));
        }
        synchronized (err) {
            err.println(line(r));
            err.print(trace);
            err.flush();
        }
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
