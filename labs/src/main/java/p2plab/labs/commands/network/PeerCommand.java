package p2plab.labs.commands.network;

import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;

/** {@code peer add|kill|revive|list}: peers of the current network. */
@Command(name = "peer", description = "Add, kill, revive and list the peers of the current network.",
        subcommands = {PeerAdd.class, PeerKill.class, PeerRevive.class, PeerList.class})
public final class PeerCommand implements Runnable {

    @Override
    public void run() {
        throw new LabException("peer needs a subcommand: add, kill, revive or list (see `help peer`)");
    }
}
