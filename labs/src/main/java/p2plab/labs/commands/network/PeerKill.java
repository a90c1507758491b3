package p2plab.labs.commands.network;

import java.util.ArrayList;
import java.util.List;
import p2plab.common.overlay.PeerId;
import p2plab.labs.commands.base.Candidates;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peer kill <id>} crashes one peer abruptly; {@code peer kill --fraction F} is churn. */
@Command(name = "kill", description = "Crash a peer abruptly (no goodbye), or a random fraction of the running peers.")
final class PeerKill extends LabCommand {

    @Parameters(arity = "0..1", paramLabel = "<id>", completionCandidates = Candidates.PeerIds.class, description = "The peer to crash.")
    String id;

    @Option(names = "--fraction", paramLabel = "F", description = "Crash this share (0..1) of the running peers, chosen with the network's seed.")
    Double fraction;

    PeerKill(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        LabNetwork n = lab.current();
        if ((id == null) == (fraction == null)) {
            throw new LabException("give either a peer id (`peer kill 7`) or --fraction F (`peer kill --fraction 0.2`)");
        }
        if (id != null) {
            PeerId p = n.peer(id);
            n.network().kill(p);
            println("killed peer " + p + " (crashed, no goodbye)");
            return;
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new LabException("--fraction must be between 0 and 1, got " + fraction);
        }
        List<PeerId> alive = new ArrayList<>(n.sharingPeers());
        int k = (int) Math.round(alive.size() * fraction);
        List<PeerId> killed = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            PeerId victim = alive.remove(n.churn().nextInt(alive.size()));
            n.network().kill(victim);
            killed.add(victim);
        }
        killed.sort(null);
        println("killed " + killed.size() + " peers" + (killed.isEmpty() ? "" : ": " + PeerAdd.ids(killed)));
    }
}
