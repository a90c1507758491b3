package p2plab.labs.session;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import p2plab.labs.commands.Commands;
import p2plab.labs.console.Console;

/**
 * Runs commands in one session, as typed at the prompt, and keeps what each printed with its
 * exit code: {@code > search 3 demo}, the output, {@code [exit 1]} for a failure. Unlike a
 * script it carries on after a failing command, so a failure can be part of the story.
 */
public final class Transcript {
    private static final Pattern ADDRESS = Pattern.compile("127\\.\\d+\\.\\d+\\.\\d+:\\d+");

    private Transcript() {
    }

    public static String of(List<String> lines) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text, true);
        try (Lab lab = new Lab(Overlays.discover(), Console.plain(w, w))) {
            Commands commands = new Commands(lab);
            for (String line : lines) {
                w.println("> " + line);
                int code = commands.runLine(line);
                if (code != Commands.OK) {
                    w.println("[exit " + code + "]");
                }
            }
        }
        return text.toString();
    }

    /**
     * The transcript without what differs between drivers by nature: addresses (simulated
     * hosts against real ports) and measured times and rates.
     */
    public static String driverFree(String transcript) {
        return ADDRESS.matcher(transcript).replaceAll("ADDRESS").lines()
                .filter(l -> !l.startsWith("latency: "))
                .map(l -> l.replaceAll(" in [0-9.]+ s at [0-9.]+ \\S+/s", "").replaceAll("[0-9.]+ ms", "T ms"))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
