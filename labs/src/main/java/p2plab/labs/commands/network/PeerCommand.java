package p2plab.labs.commands.network;

import p2plab.labs.commands.base.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code peer add|kill|revive|list}: peers of the current network. */
@Command(name = "peer", description = "Add, kill, revive and list the peers of the current network.",
        subcommands = {PeerAdd.class, PeerKill.class, PeerRevive.class, PeerList.class})
public final class PeerCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw Usage.needsSubcommand(spec);
    }
}
