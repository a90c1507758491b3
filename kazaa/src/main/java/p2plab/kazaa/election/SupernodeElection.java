package p2plab.kazaa.election;

import java.util.List;
import java.util.Set;

/**
 * The supernode election strategy: who serves as a supernode. This is the interface the Kazaa
 * lab asks students to implement; the overlay calls it and obeys.
 *
 * <p>Each peer gets its own instance (from the factory given to {@code KazaaOverlay}), and calls
 * come on that peer's thread, so an implementation may keep state without locks.
 */
public interface SupernodeElection {

    /** For a network built in one go: the ids of the peers that start as supernodes (at least one). */
    Set<Integer> initialSupernodes(List<Candidate> peers, ElectionParams params);

    /** Called periodically on every supernode: keep going, promote a child, or step down. */
    Decision review(SupernodeView view);

    /** A node that could reach no supernode at all: should it become one itself? */
    default boolean promoteWhenOrphaned(Candidate self) {
        return !self.firewalled();
    }
}
