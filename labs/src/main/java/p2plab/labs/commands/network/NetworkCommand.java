package p2plab.labs.commands.network;

import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;

/** {@code network create|list|use|destroy}: several networks at once, one of them current. */
@Command(name = "network", description = "Create, list, switch between and destroy networks.",
        subcommands = {NetworkCreate.class, NetworkList.class, NetworkUse.class, NetworkDestroy.class})
public final class NetworkCommand implements Runnable {

    @Override
    public void run() {
        throw new LabException("network needs a subcommand: create, list, use or destroy (see `help network`)");
    }
}
