package p2plab.labs.commands.network;

import p2plab.labs.commands.base.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code network create|list|use|destroy}: several networks at once, one of them current. */
@Command(name = "network", description = "Create, list, switch between and destroy networks.",
        subcommands = {NetworkCreate.class, NetworkList.class, NetworkUse.class, NetworkDestroy.class, NetworkSpeed.class})
public final class NetworkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Usage.needsSubcommand(spec);
    }
}
