package p2plab.labs.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import p2plab.labs.commands.Commands;
import p2plab.labs.console.Console;
import p2plab.labs.console.LogLines;
import p2plab.labs.session.HeapBudget;
import p2plab.labs.session.Lab;
import p2plab.labs.session.Overlays;

/**
 * The interactive shell: a JLine line reader with history kept in {@code ~/.p2plab_history},
 * tab completion from the command tree, and a prompt that names the current network. Commands
 * run on the {@link LabThread}, which lets simulated time flow between them ({@link LiveClock})
 * and stops a command on Ctrl-C.
 */
public final class InteractiveShell {
    private InteractiveShell() {
    }

    /** Where history is kept between runs; {@code -Dp2plab.history=FILE} moves it (tests do). */
    static Path historyFile() {
        String override = System.getProperty("p2plab.history");
        return override != null ? Paths.get(override) : Paths.get(System.getProperty("user.home"), ".p2plab_history");
    }

    public static int run(boolean debug) throws IOException {
        // Building the command tree (picocli reflection) and starting the terminal take about the
        // same time; doing them side by side brings the prompt up sooner.
        Lab lab = new Lab(Overlays.discover(), null);
        lab.debug(debug);
        lab.interactive(true);
        CompletableFuture<Commands> building = CompletableFuture.supplyAsync(() -> new Commands(lab));
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("p2plab").build(); lab) {
            PrintWriter w = terminal.writer();
            boolean ansi = !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
                    && System.getenv("NO_COLOR") == null;
            Console console = new Console(w, w, ansi, terminal::getWidth);
            lab.console(console);
            LogLines.install(w, debug);
            LabThread labThread = new LabThread(new LiveClock(lab),
                    e -> console.error(e instanceof OutOfMemoryError ? HeapBudget.outOfMemory() + "; `network destroy` frees a network's memory"
                            : "the live clock hit a problem and goes on: " + e));
            // Ctrl-C at the prompt is handled by the line reader (it clears the line); while a
            // command runs, it cancels that command only, and the prompt comes back.
            // A command that never looks at the interrupt (a long computation) would keep the
            // prompt away: the third Ctrl-C leaves, as the first did before commands could stop.
            terminal.handle(Terminal.Signal.INT, signal -> {
                int asked = labThread.cancel();
                if (asked == 0) {
                    return;
                }
                w.println();
                w.println(asked == 1 ? "cancelling..." : asked == 2 ? "still stopping; Ctrl-C once more leaves p2plab at once" : "leaving p2plab");
                w.flush();
                if (asked >= 3) {
                    Runtime.getRuntime().halt(130);
                }
            });
            Supplier<Commands> commands = new Supplier<>() {
                private Commands ready;

                @Override
                public synchronized Commands get() {
                    if (ready == null) {
                        ready = building.join().useConsole();
                    }
                    return ready;
                }
            };
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(new char[0]); // backslashes are path characters here, not escapes
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("p2plab")
                    .parser(parser)
                    .completer(new CommandCompleter(() -> commands.get().spec()))
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .variable(LineReader.HISTORY_SIZE, 2000)
                    .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                    .build();
            console.println(console.colour(Console.Colour.BOLD, "P2P Lab") + " - overlays: "
                    + (lab.overlays().names().isEmpty() ? "none installed" : String.join(", ", lab.overlays().names()))
                    + ". Type `help`, Tab completes, `quit` leaves.");
            for (String problem : lab.overlays().problems()) {
                console.error("an overlay could not be loaded and is left out: " + problem);
            }
            try (labThread) {
                loop(reader, lab, commands, labThread);
            }
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                console.error("could not save history to " + historyFile() + ": " + e.getMessage());
            }
            return 0;
        }
    }

    private static void loop(LineReader reader, Lab lab, Supplier<Commands> commands, LabThread labThread) {
        boolean interruptedOnce = false;
        while (!lab.quitRequested()) {
            String line;
            try {
                line = reader.readLine(prompt(lab, reader.getTerminal()));
            } catch (UserInterruptException e) {
                // Ctrl-C clears the line; twice at an empty prompt leaves, as in many shells
                if (e.getPartialLine().isBlank()) {
                    if (interruptedOnce) {
                        return;
                    }
                    lab.console().println("(press Ctrl-C again, or Ctrl-D, or type `quit` to leave)");
                    interruptedOnce = true;
                }
                continue;
            } catch (EndOfFileException e) {
                return; // Ctrl-D leaves
            }
            interruptedOnce = false;
            labThread.run(() -> commands.get().runLine(line));
        }
    }

    /** {@code p2plab [gnutella-1]> }, or {@code p2plab> } before any network exists. */
    static String prompt(Lab lab, Terminal terminal) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.style(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN)).append("p2plab");
        if (lab.currentName() != null) {
            b.style(AttributedStyle.DEFAULT).append(" [");
            b.style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)).append(lab.currentName());
            b.style(AttributedStyle.DEFAULT).append("]");
        }
        b.style(AttributedStyle.DEFAULT).append("> ");
        return b.toAnsi(terminal);
    }
}
