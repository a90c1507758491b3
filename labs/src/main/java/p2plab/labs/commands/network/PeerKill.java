package p2plab.labs.commands.network;

import java.util.ArrayList;
import java.util.List;
import p2plab.common.overlay.PeerId;
import p2plab.labs.console.Wrap;
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
    /** More ids than this would scroll the summary away. */
    static final int MAX_LISTED = 100;

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
            settle(n); // the others have noticed, in simulation as over TCP
            return;
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new LabException("--fraction must be more than 0 and at most 1 (0.2 crashes a fifth of the running peers), got " + fraction);
        }
        List<PeerId> alive = new ArrayList<>(n.sharingPeers());
        if (alive.isEmpty()) {
            throw new LabException("no running peer to kill in " + n.name() + ": every peer that shares files is down already;"
                    + " `peer revive ID` or `peer add --count K` brings some back");
        }
        int k = (int) Math.round(alive.size() * fraction);
        if (k == 0) {
            throw new LabException("--fraction " + fraction + " of " + alive.size() + " running peers rounds to 0; nothing was killed."
                    + " Use at least " + fmt2(Math.ceil(50.0 / alive.size()) / 100) + ", or `peer kill ID` for one peer");
        }
        List<PeerId> killed = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            PeerId victim = alive.remove(n.churn().nextInt(alive.size()));
            n.network().kill(victim);
            killed.add(victim);
        }
        killed.sort(null);
        report(killed, alive.size());
        settle(n);
    }

    /** Every id when they fit in a few lines; beyond that the count and where to see them. */
    private void report(List<PeerId> killed, int stillUp) {
        String head = "killed " + killed.size() + (killed.size() == 1 ? " peer" : " peers") + " (chosen with the network's seed), "
                + stillUp + " still up";
        if (killed.size() > MAX_LISTED) {
            println(head + "; `peer list --down` shows which are down");
            return;
        }
        println(head + ":");
        for (String line : Wrap.lines(killed.stream().map(PeerId::toString).toList(), console().width(), "  ")) {
            println(line);
        }
    }
}
