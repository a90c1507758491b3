package kazaa;

import java.util.List;
import java.util.Set;
import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.election.Decision;
import p2plab.kazaa.election.ElectionParams;
import p2plab.kazaa.election.SupernodeElection;
import p2plab.kazaa.election.SupernodeView;

/**
 * Lab 3: your Kazaa supernode election. Read docs/labs/lab3-kazaa.md, then replace every TODO.
 * Grade it with `./p2plab grade kazaa`.
 */
public class StudentElection implements SupernodeElection {

    @Override
    public Set<Integer> initialSupernodes(List<Candidate> peers, ElectionParams params) {
        throw new UnsupportedOperationException("TODO: the most capable round(ratio x N) peers");
    }

    @Override
    public Decision review(SupernodeView view) {
        throw new UnsupportedOperationException("TODO: keep, promote a child, or step down");
    }

    @Override
    public boolean promoteWhenOrphaned(Candidate self) {
        throw new UnsupportedOperationException("TODO: may an orphan become a supernode?");
    }
}
