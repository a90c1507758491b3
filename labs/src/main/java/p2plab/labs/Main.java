package p2plab.labs;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import p2plab.labs.commands.Commands;
import p2plab.labs.console.Console;
import p2plab.labs.console.LogLines;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;
import p2plab.labs.shell.InteractiveShell;

/**
 * The {@code p2plab} application. No arguments: the interactive shell. {@code p2plab CMD ...}:
 * one command. {@code p2plab -c "cmd; cmd"}: a script given inline; {@code p2plab run FILE}: a
 * script file. Script and one-shot modes print plain text unless a terminal is watching, and
 * exit with the code of the first failing command. {@code --debug} shows stack traces.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.err, System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM")));
        } catch (Throwable t) { // last line of defence: still one line
            System.err.println("error: p2plab could not start: " + t);
            code = 1;
        }
        System.exit(code);
    }

    /** Runs p2plab with {@code args}; returns the exit code (tests call this directly). */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean ansi) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean debug = rest.remove("--debug");
        if (rest.remove("--plain")) {
            ansi = false;
        }
        if (rest.isEmpty()) {
            return InteractiveShell.run(debug);
        }
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        Console console = new Console(o, e, ansi, () -> widthFromEnv());
        LogLines.install(e, debug);
        try (Lab lab = new Lab(Overlays.discover(), console)) {
            lab.debug(debug);
            Commands commands = new Commands(lab);
            if (rest.get(0).equals("-c")) {
                if (rest.size() != 2) {
                    console.error("-c takes one argument, the commands in quotes: p2plab -c \"network create gnutella --peers 20; peer list\"");
                    return Commands.USAGE;
                }
                return commands.runScript(rest.get(1), "-c", false);
            }
            return commands.execute(rest);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /**
     * Columns for tables: $COLUMNS when exported, else the terminal's own width when one is
     * watching (asked once, when the first table prints), else 100.
     */
    private static int widthFromEnv() {
        try {
            String c = System.getenv("COLUMNS");
            if (c != null) {
                return Integer.parseInt(c.trim());
            }
        } catch (NumberFormatException e) {
            return 100;
        }
        if (terminalWidth == 0) {
            terminalWidth = System.console() == null ? 100 : askTerminal();
        }
        return terminalWidth;
    }

    private static int terminalWidth;

    /** `stty size` on the controlling terminal: "rows columns"; 100 if it cannot tell. */
    private static int askTerminal() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] size = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
            return p.waitFor() == 0 && size.length == 2 ? Integer.parseInt(size[1]) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
