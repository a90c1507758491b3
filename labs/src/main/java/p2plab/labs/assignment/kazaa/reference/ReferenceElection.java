package p2plab.labs.assignment.kazaa.reference;

import java.util.List;
import java.util.Set;
import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.election.CapacityElection;
import p2plab.kazaa.election.Decision;
import p2plab.kazaa.election.ElectionParams;
import p2plab.kazaa.election.SupernodeElection;
import p2plab.kazaa.election.SupernodeView;

/** Lab 3's reference solution: the overlay's own capacity-based election. */
public final class ReferenceElection implements SupernodeElection {
    private final CapacityElection election = new CapacityElection();

    @Override
    public Set<Integer> initialSupernodes(List<Candidate> peers, ElectionParams params) {
        return election.initialSupernodes(peers, params);
    }

    @Override
    public Decision review(SupernodeView view) {
        return election.review(view);
    }

    @Override
    public boolean promoteWhenOrphaned(Candidate self) {
        return !self.firewalled();
    }
}
