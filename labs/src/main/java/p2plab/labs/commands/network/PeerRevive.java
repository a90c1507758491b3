package p2plab.labs.commands.network;

import p2plab.common.overlay.PeerId;
import p2plab.labs.commands.base.Candidates;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code peer revive <id>}: a killed peer comes back at its address with its files. */
@Command(name = "revive", description = "Bring a killed peer back, at the same address, with the files it shared.")
final class PeerRevive extends LabCommand {

    @Parameters(paramLabel = "<id>", completionCandidates = Candidates.PeerIds.class, description = "The peer to bring back.")
    String id;

    PeerRevive(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        PeerId p = n.peer(id);
        n.network().revive(p);
        println("revived peer " + p);
        settle(n); // it has rejoined (logged in, linked up) when this returns, or it says what is pending
    }
}
