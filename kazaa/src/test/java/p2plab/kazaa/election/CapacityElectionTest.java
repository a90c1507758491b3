package p2plab.kazaa.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapacityElectionTest {
    private final CapacityElection election = new CapacityElection();
    private final ElectionParams params = ElectionParams.forRatio(0.05); // target 19 children, overload above 38

    private static Candidate peer(int id, long upload, boolean firewalled, long uptime) {
        return new Candidate(id, upload, 0, firewalled, uptime);
    }

    @Test
    void theDefaultOverloadThresholdIsTwiceTheTargetChildren() {
        assertEquals(19.0, params.targetChildren(), 1e-9);
        assertEquals(38, params.maxChildren());
        assertEquals(198, ElectionParams.forRatio(0.01).maxChildren());
        assertThrows(IllegalArgumentException.class, () -> new ElectionParams(0, 5));
    }

    @Test
    void theStartingSupernodesAreTheMostCapableAndNeverFirewalledWhenOthersWillDo() {
        List<Candidate> peers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            peers.add(peer(i, 1000 + i, false, 0));
        }
        peers.set(39, peer(39, 1_000_000, true, 0));   // fastest but firewalled
        peers.set(5, peer(5, 0, false, 0));             // unlimited uplink: the best
        assertEquals(Set.of(5, 38), election.initialSupernodes(peers, params)); // round(0.05 x 40) = 2
    }

    @Test
    void atLeastOneSupernodeEvenInATinyNetwork() {
        assertEquals(Set.of(0), election.initialSupernodes(List.of(peer(0, 1, false, 0), peer(1, 1, false, 0)), params));
    }

    @Test
    void anOverloadedSupernodePromotesItsBestChild() {
        List<Candidate> kids = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            kids.add(peer(100 + i, 500, false, i));
        }
        kids.add(peer(200, 9_999, true, 0));            // firewalled: never
        Decision d = election.review(new SupernodeView(peer(1, 10_000, false, 0), kids, List.of(), params));
        assertEquals(Decision.promote(138), d, "same uplink: the longest uptime wins");
    }

    @Test
    void aSupernodeWithinBoundsKeepsItsRole() {
        List<Candidate> kids = new ArrayList<>();
        for (int i = 0; i < 38; i++) {
            kids.add(peer(100 + i, 500, false, i));
        }
        assertEquals(Decision.KEEP, election.review(new SupernodeView(peer(1, 1, false, 0), kids,
                List.of(new SupernodeView.Load(2, 3)), params)));
    }

    @Test
    void whenTheNeighbourhoodIsUnderloadedOnlyItsLeastLoadedSupernodeStepsDown() {
        List<Candidate> two = List.of(peer(10, 1, false, 0), peer(11, 1, false, 0));
        List<SupernodeView.Load> neighbours = List.of(new SupernodeView.Load(2, 5), new SupernodeView.Load(3, 4));
        assertEquals(Decision.DEMOTE, election.review(new SupernodeView(peer(1, 1, false, 0), two, neighbours, params)));
        // the neighbour with 4 children sees us with 2: not its turn
        List<SupernodeView.Load> seenBy3 = List.of(new SupernodeView.Load(1, 2), new SupernodeView.Load(2, 5));
        List<Candidate> four = List.of(peer(20, 1, false, 0), peer(21, 1, false, 0), peer(22, 1, false, 0), peer(23, 1, false, 0));
        assertEquals(Decision.KEEP, election.review(new SupernodeView(peer(3, 1, false, 0), four, seenBy3, params)));
    }

    @Test
    void tiesAreBrokenByIdSoExactlyOneStepsDown() {
        List<Candidate> none = List.of();
        assertEquals(Decision.DEMOTE, election.review(new SupernodeView(peer(9, 1, false, 0), none,
                List.of(new SupernodeView.Load(4, 0)), params)));
        assertEquals(Decision.KEEP, election.review(new SupernodeView(peer(4, 1, false, 0), none,
                List.of(new SupernodeView.Load(9, 0)), params)));
    }

    @Test
    void aLoneSupernodeOrABusyNeighbourhoodNeverStepsDown() {
        assertEquals(Decision.KEEP, election.review(new SupernodeView(peer(1, 1, false, 0), List.of(), List.of(), params)));
        assertEquals(Decision.KEEP, election.review(new SupernodeView(peer(1, 1, false, 0), List.of(),
                List.of(new SupernodeView.Load(2, 30), new SupernodeView.Load(3, 30)), params)));
    }
}
