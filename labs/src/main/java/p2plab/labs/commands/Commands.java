package p2plab.labs.commands;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import p2plab.common.overlay.OverlayException;
import p2plab.labs.console.Console;
import p2plab.labs.script.ScriptParser;
import p2plab.labs.session.HeapBudget;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command boundary: every command of the shell, one-shot and script mode runs through
 * {@link #execute}, which turns any failure into one line on the console and an exit code.
 * Nothing thrown by a command ever reaches the user as a stack trace (unless --debug).
 */
public final class Commands {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Lab lab;
    private final CommandLine root;

    public Commands(Lab lab) {
        this.lab = lab;
        this.root = new CommandLine(new RootCommand(), new LabFactory(lab));
        root.addSubcommand(new RunCommand(lab, this));
        root.addSubcommand(new p2plab.labs.grading.GradeCommand(lab::interactive)); // in the shell, in a JVM of its own
        root.addSubcommand(new p2plab.labs.grading.ExportStudentCommand());
        root.addSubcommand(new p2plab.labs.commands.view.ViewCommand(lab));
        root.getCommandSpec().usageMessage().footer("",
                "Overlays: " + (lab.overlays().names().isEmpty() ? "none installed" : String.join(", ", lab.overlays().names())),
                "Type `help <command>` for its options; docs/shell.md has an example session.");
        // Path.of("") is the current folder: `share 1 ""` shared the whole working directory and
        // `experiment x --out ""` wrote its files into it. A path has to be written out.
        root.registerConverter(Path.class, Commands::path);
        root.setExecutionExceptionHandler((ex, cmd, parsed) -> failure(ex));
        root.setParameterExceptionHandler(this::usageError);
        if (lab.console() != null) {
            useConsole();
        }
    }

    /**
     * Sends picocli's own output (help, usage) to the session's console, coloured only if the
     * console is. The interactive shell builds the command tree while the terminal starts, and
     * calls this once the terminal is there.
     */
    public Commands useConsole() {
        Console console = lab.console();
        root.setOut(console.out());
        root.setErr(console.err());
        root.setColorScheme(CommandLine.Help.defaultColorScheme(console.ansi() ? Ansi.ON : Ansi.OFF));
        root.setUsageHelpWidth(Math.max(60, Math.min(console.width(), 120)));
        return this;
    }

    /** The command tree, for tab completion. */
    public CommandSpec spec() {
        return root.getCommandSpec();
    }

    public Lab lab() {
        return lab;
    }

    /** Runs one command; returns 0 on success, never throws. */
    public int execute(List<String> words) {
        if (words.isEmpty()) {
            return OK;
        }
        HeapBudget.forget();
        try {
            return root.execute(words.toArray(String[]::new));
        } catch (Throwable t) { // the boundary: nothing gets past it
            return failure(t);
        }
    }

    /**
     * Runs the commands of a script in order and stops at the first that fails.
     *
     * @param echo print each command before running it (for files, so the output reads like a session)
     */
    public int runScript(String text, String source, boolean echo) {
        List<ScriptParser.Line> lines;
        try {
            lines = ScriptParser.parse(text);
        } catch (IllegalArgumentException e) {
            lab.console().error(source + ": " + e.getMessage());
            return USAGE;
        }
        for (ScriptParser.Line line : lines) {
            if (echo) {
                lab.console().println("> " + line.text());
            }
            int code = execute(line.words());
            if (code != OK) {
                lab.console().error("stopped at " + source + " " + where(lines, line) + ": " + line.text());
                return code;
            }
            if (lab.quitRequested()) {
                return OK;
            }
        }
        return OK;
    }

    /**
     * Where a command stands in its script: "line 4", or "line 1, command 3" when `;` put several
     * commands on its line (as in every `-c "a; b; c"`).
     */
    static String where(List<ScriptParser.Line> lines, ScriptParser.Line line) {
        int onLine = 0;
        int index = 0;
        for (ScriptParser.Line l : lines) {
            if (l.number() == line.number()) {
                onLine++;
                if (l == line) {
                    index = onLine; // by identity: `a; a` holds two equal commands
                }
            }
        }
        return onLine == 1 ? "line " + line.number() : "line " + line.number() + ", command " + index;
    }

    /** Runs a line typed at the prompt: its commands in order, stopping at the first failure (no extra message). */
    public int runLine(String text) {
        List<ScriptParser.Line> lines;
        try {
            lines = ScriptParser.parse(text);
        } catch (IllegalArgumentException e) {
            lab.console().error(e.getMessage().replaceFirst("^line 1: ", ""));
            return USAGE;
        }
        for (ScriptParser.Line line : lines) {
            int code = execute(line.words());
            if (code != OK || lab.quitRequested()) {
                return code;
            }
        }
        return OK;
    }

    private int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine where = ex.getCommandLine();
        String path = commandPath(where);
        String msg = oneLine(ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException u && where == root && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            String word = u.getUnmatched().get(0);
            List<String> suggestions = u.getSuggestions();
            lab.console().error("unknown command '" + word + "'"
                    + (suggestions.isEmpty() ? "; type `help` to see every command"
                            : "; did you mean '" + suggestions.get(0) + "'? Type `help` to see every command"));
        } else if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-") && !where.getSubcommands().isEmpty()) {
            lab.console().error("unknown subcommand '" + u.getUnmatched().get(0) + "' of " + path
                    + "; choose one of " + String.join(", ", where.getSubcommands().keySet()) + " (see `help " + path + "`)");
        } else {
            lab.console().error(msg + (path.isEmpty() ? "; type `help`" : "; see `help " + path + "`"));
        }
        if (lab.debug()) {
            ex.printStackTrace(lab.console().err());
        }
        return USAGE;
    }


    static Path path(String text) {
        if (text.isBlank()) {
            throw new CommandLine.TypeConversionException("an empty path; give a file or folder (`.` is the current folder)");
        }
        return Path.of(text);
    }

    private static String commandPath(CommandLine c) {
        String q = c.getCommandSpec().qualifiedName(" ");
        return q.startsWith("p2plab") ? q.substring("p2plab".length()).trim() : q;
    }

    /** One line for any failure: the user's mistake as its own message, anything else as an internal error. */
    int failure(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException
                || e instanceof CommandLine.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof RunCommand.ScriptFailed f) {
            return f.code;
        }
        if (e instanceof OverlayException && e.getCause() instanceof UnsupportedOperationException stub) {
            e = stub; // an overlay passing on what a lab stub threw: the student's to-do, below
        }
        if (cancelled(e)) {
            lab.console().error("cancelled; the networks that were there before are intact (`network list`)");
            return FAILED;
        }
        if (e instanceof LabException || e instanceof OverlayException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException) {
            lab.console().error(oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } else if (e instanceof OutOfMemoryError) {
            // Not a bug but a heap too small: the same line as a refusal, and the command's
            // half-built network is already unreachable, so the next command has the heap back.
            lab.console().error(HeapBudget.outOfMemory());
        } else if (e instanceof UnsupportedOperationException) {
            // What an untouched lab stub throws (`--impl student`): the student's to-do, not a bug.
            lab.console().error("not implemented yet: " + oneLine(e.getMessage() == null ? "" : e.getMessage())
                    + "; write it in student/<lab>/ (see docs/labs/) or use --impl reference");
        } else {
            lab.console().error("internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
                    + (lab.debug() ? "" : " (run with --debug to see the stack trace, and please report it)"));
        }
        if (lab.debug()) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            lab.console().err().print(w);
            lab.console().err().flush();
        }
        return FAILED;
    }

    /** A Ctrl-C in the shell interrupts the lab thread: however the command noticed, it was cancelled. */
    private static boolean cancelled(Throwable e) {
        return e instanceof java.util.concurrent.CancellationException || e instanceof InterruptedException
                || e instanceof java.nio.channels.ClosedByInterruptException
                || e.getCause() instanceof java.nio.channels.ClosedByInterruptException
                || Thread.currentThread().isInterrupted();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ").replaceAll("\\.$", "");
    }
}
