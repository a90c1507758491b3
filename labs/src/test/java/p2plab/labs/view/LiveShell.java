package p2plab.labs.view;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import p2plab.labs.commands.Commands;
import p2plab.labs.console.Console;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/** An interactive session in this JVM: commands typed one line at a time, their output kept. */
final class LiveShell implements AutoCloseable {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Lab lab = new Lab(Overlays.discover(), Console.plain(new PrintWriter(out, true), new PrintWriter(err, true)));
    private final Commands commands;

    LiveShell() {
        lab.interactive(true);
        commands = new Commands(lab);
    }

    /** Runs one line and returns what it printed; fails the test when it fails. */
    String run(String line) {
        int from = out.getBuffer().length();
        int errFrom = err.getBuffer().length();
        int code = commands.runLine(line);
        String printed = out.getBuffer().substring(from);
        if (code != 0) {
            throw new AssertionError(line + " failed (" + code + "): " + err.getBuffer().substring(errFrom) + printed);
        }
        return printed;
    }

    Lab lab() {
        return lab;
    }

    String err() {
        return err.toString();
    }

    /** The URL `view` printed. */
    static String url(String viewOutput) {
        Matcher m = Pattern.compile("live view: (http://\\S+/)").matcher(viewOutput);
        if (!m.find()) {
            throw new AssertionError("view printed no URL: " + viewOutput);
        }
        return m.group(1);
    }

    /** The shell's figures of a search: messages, duplicates, peers reached. */
    static long[] searchFigures(String searchOutput) {
        Matcher m = Pattern.compile("messages: (\\d+)(?: \\((\\d+) duplicates?\\))?\\s+peers reached: (\\d+)").matcher(searchOutput);
        if (!m.find()) {
            throw new AssertionError("no figures in: " + searchOutput);
        }
        return new long[] {Long.parseLong(m.group(1)), m.group(2) == null ? 0 : Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    @Override
    public void close() {
        lab.close();
    }
}
