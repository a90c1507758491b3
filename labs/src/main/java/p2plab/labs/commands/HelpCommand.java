package p2plab.labs.commands;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.console.Table;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code help}: the shell's own commands, one line each; {@code help search},
 * {@code help network create}: one command's options, however deep.
 */
@Command(name = "help", helpCommand = true, description = "Show every command, or one command's options: help network create.")
final class HelpCommand extends LabCommand {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "A command, e.g. `search` or `network create`.")
    List<String> path = new ArrayList<>();

    HelpCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        CommandLine root = spec.parent().commandLine();
        if (path.isEmpty()) {
            commandList(root);
            return;
        }
        CommandLine target = root;
        for (String word : path) {
            target = target.getSubcommands().get(word);
            if (target == null) {
                throw new LabException("there is no command '" + String.join(" ", path) + "'; type `help` to see every command");
            }
        }
        StringWriter usage = new StringWriter();
        target.usage(new PrintWriter(usage), root.getColorScheme());
        // Inside the shell nobody types the program's name before a command.
        String text = lab.interactive() ? usage.toString().replaceFirst("p2plab ", "") : usage.toString();
        console().out().print(text);
        console().out().flush();
    }

    /** Every command with the first sentence of its description, in the order `help` users look for them. */
    private void commandList(CommandLine root) {
        println("Commands (`help <command>` shows its options; `a; b` runs two in a row):");
        Table t = new Table("command", "what it does").wrapLast();
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            CommandSpec s = e.getValue().getCommandSpec();
            if (!s.name().equals(e.getKey())) {
                continue; // an alias: listed with its command
            }
            String[] aliases = s.aliases();
            String name = aliases.length == 0 ? s.name() : s.name() + " | " + String.join(" | ", aliases);
            t.row(name + subcommands(e.getValue()), firstSentence(s.usageMessage().description()));
        }
        t.print(console());
        String overlays = lab.overlays().names().isEmpty() ? "none installed" : String.join(", ", lab.overlays().names());
        println("Overlays: " + overlays + ". docs/shell.md has an example session.");
    }

    private static String subcommands(CommandLine c) {
        if (c.getSubcommands().isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        c.getSubcommands().forEach((k, v) -> {
            if (v.getCommandSpec().name().equals(k)) {
                names.add(k);
            }
        });
        return " " + String.join("|", names);
    }

    private static String firstSentence(String[] description) {
        String d = description.length == 0 ? "" : description[0];
        int dot = d.indexOf(". ");
        String s = dot < 0 ? d : d.substring(0, dot);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
