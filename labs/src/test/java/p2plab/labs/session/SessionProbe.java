package p2plab.labs.session;

import java.io.PrintWriter;
import p2plab.labs.commands.Commands;
import p2plab.labs.console.Console;

/**
 * A shell session without a terminal, for tests that need a JVM of their own (a small heap):
 * runs each argument as a line typed at the prompt, through the same command boundary as the
 * interactive shell, and prints {@code exit N} after each, going on after a failure as the
 * prompt does.
 */
public final class SessionProbe {

    public static void main(String[] lines) {
        PrintWriter out = new PrintWriter(System.out, true);
        Console console = new Console(out, new PrintWriter(System.err, true), false, () -> 100);
        try (Lab lab = new Lab(Overlays.discover(), console)) {
            Commands commands = new Commands(lab);
            for (String line : lines) {
                out.println("exit " + commands.runLine(line));
            }
        }
    }
}
