package p2plab.labs.commands;

import picocli.CommandLine.Command;

/** {@code network create|list|use|destroy}: several networks at once, one of them current. */
@Command(name = "network", description = "Create, list, switch between and destroy networks.",
        subcommands = {NetworkCreate.class, NetworkList.class, NetworkUse.class, NetworkDestroy.class})
final class NetworkCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "network needs a subcommand: create, list, use or destroy (see `help network`)");
    }
}
