package p2plab.labs.commands;

import java.util.ArrayList;
import java.util.List;
import p2plab.labs.session.LabException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code help}, {@code help search}, {@code help network create}: usage of any command, however deep. */
@Command(name = "help", helpCommand = true, description = "Show every command, or one command's options: help network create.")
final class HelpCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "A command, e.g. `search` or `network create`.")
    List<String> path = new ArrayList<>();

    @Override
    public void run() {
        CommandLine root = spec.parent().commandLine();
        CommandLine target = root;
        for (String word : path) {
            target = target.getSubcommands().get(word);
            if (target == null) {
                throw new LabException("there is no command '" + String.join(" ", path) + "'; type `help` to see every command");
            }
        }
        target.usage(root.getOut(), root.getColorScheme());
    }
}
