package p2plab.labs.commands.base;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Usage errors shared by the command groups of every package. */
public final class Usage {
    private Usage() {
    }

    /** A group such as `network` typed alone: a usage error (exit 2) that lists its subcommands. */
    public static CommandLine.ParameterException needsSubcommand(CommandSpec group) {
        List<String> names = group.subcommands().entrySet().stream()
                .filter(e -> e.getValue().getCommandSpec().name().equals(e.getKey())).map(java.util.Map.Entry::getKey).toList();
        String choices = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        return new CommandLine.ParameterException(group.commandLine(), group.name() + " needs a subcommand: " + choices);
    }
}
