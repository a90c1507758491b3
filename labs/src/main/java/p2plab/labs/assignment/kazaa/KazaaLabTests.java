package p2plab.labs.assignment.kazaa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.Role;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kazaa.KazaaOverlay;
import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.election.Decision;
import p2plab.kazaa.election.ElectionParams;
import p2plab.kazaa.election.SupernodeElection;
import p2plab.kazaa.election.SupernodeView;
import p2plab.labs.assignment.sim.SimSteps;
import p2plab.labs.grading.Graded;
import p2plab.labs.grading.Subject;
import p2plab.labs.grading.Visibility;

/** Lab 3: supernode election, load review and re-attachment after a supernode dies. 25 points. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class KazaaLabTests {
    private static final ElectionParams TENTH = ElectionParams.forRatio(0.1); // max children 18

    private static SupernodeElection election() {
        return Subject.get(SupernodeElection.class);
    }

    private static Candidate peer(int id, long upload, boolean firewalled, long uptime) {
        return new Candidate(id, upload, 1_000_000, firewalled, uptime);
    }

    @Test
    @DisplayName("3.1 the start: round(ratio x N) supernodes, the widest uplinks first")
    @Graded(points = 4)
    void initialByUplink() {
        List<Candidate> peers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            peers.add(peer(i, 100_000 + i * 1000L, false, 0));
        }
        assertEquals(Set.of(29, 28, 27), election().initialSupernodes(peers, TENTH), "30 peers at ratio 0.1: the 3 widest uplinks");
        peers.set(3, peer(3, 0, false, 0)); // 0 = unlimited: the widest of all
        assertEquals(Set.of(3, 29, 28), election().initialSupernodes(peers, TENTH), "an unlimited uplink (0) beats every rate");
    }

    @Test
    @DisplayName("3.2 never a firewalled peer if another will do; ties by uptime, then lowest id")
    @Graded(points = 3)
    void firewalledAndTies() {
        List<Candidate> peers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            peers.add(peer(i, 50_000, i < 10, i == 15 ? 99_000 : 0));
        }
        peers.set(0, peer(0, 0, true, 1_000_000));
        assertEquals(Set.of(15, 10), election().initialSupernodes(peers, TENTH),
                "peer 0 is firewalled; among equal uplinks 15 has the longest uptime, then the lowest id");
        assertEquals(Set.of(4), election().initialSupernodes(List.of(peer(4, 10, false, 0), peer(5, 10, false, 0)), TENTH),
                "at least one supernode, even when ratio x N rounds to 0");
    }

    @Test
    @DisplayName("3.3 an overloaded supernode promotes its best child")
    @Graded(points = 4)
    void overloadPromotes() {
        List<Candidate> children = new ArrayList<>();
        for (int i = 1; i <= 19; i++) {
            children.add(peer(i, 10_000L * i, i == 19, 0));
        }
        Decision d = election().review(new SupernodeView(peer(0, 0, false, 0), children, List.of(new SupernodeView.Load(50, 10)), TENTH));
        assertEquals(Decision.promote(18), d, "19 children > 18: promote the widest child that is not firewalled (18)");
    }

    @Test
    @DisplayName("3.4 a supernode with a normal load keeps its role")
    @Graded(points = 2)
    void normalLoadKeeps() {
        List<Candidate> children = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            children.add(peer(i, 10_000, false, 0));
        }
        assertEquals(Decision.KEEP, election().review(new SupernodeView(peer(0, 0, false, 0), children,
                List.of(new SupernodeView.Load(7, 8)), TENTH)));
        assertEquals(Decision.KEEP, election().review(new SupernodeView(peer(0, 0, false, 0), List.of(), List.of(), TENTH)),
                "the last supernode of its part of the network never steps down");
    }

    @Test
    @DisplayName("3.5 too many supernodes: the least loaded of an idle neighbourhood steps down")
    @Graded(points = 4)
    void underloadDemotes() {
        // target children at 0.1: 9; half of it 4.5. Neighbourhood mean (1 + 2 + 3) / 3 = 2 < 4.5.
        List<SupernodeView.Load> near = List.of(new SupernodeView.Load(7, 2), new SupernodeView.Load(8, 3));
        assertEquals(Decision.DEMOTE, election().review(new SupernodeView(peer(5, 0, false, 0), List.of(peer(1, 1, false, 0)), near, TENTH)),
                "supernode 5 with 1 child is the least loaded");
        List<SupernodeView.Load> lighter = List.of(new SupernodeView.Load(7, 0), new SupernodeView.Load(8, 3));
        assertEquals(Decision.KEEP, election().review(new SupernodeView(peer(5, 0, false, 0), List.of(peer(1, 1, false, 0)), lighter, TENTH)),
                "neighbour 7 has fewer children: it steps down, not 5");
        List<SupernodeView.Load> tie = List.of(new SupernodeView.Load(9, 1));
        assertEquals(Decision.KEEP, election().review(new SupernodeView(peer(5, 0, false, 0), List.of(peer(1, 1, false, 0)), tie, TENTH)),
                "a tie goes to the higher id (9)");
        assertEquals(Decision.DEMOTE, election().review(new SupernodeView(peer(12, 0, false, 0), List.of(peer(1, 1, false, 0)), tie, TENTH)),
                "a tie goes to the higher id (12)");
    }

    @Test
    @DisplayName("3.6 re-attachment: an orphan with no supernode to reach promotes itself unless firewalled")
    @Graded(points = 2)
    void orphan() {
        assertTrue(election().promoteWhenOrphaned(peer(3, 1000, false, 0)));
        assertFalse(election().promoteWhenOrphaned(peer(3, 1000, true, 0)), "a firewalled peer cannot accept children");
    }

    @Test
    @DisplayName("3.7 in a simulated Kazaa network: the elected supernodes serve, and searches survive a supernode crash")
    @Graded(points = 4)
    void liveReattachment() {
        NetworkSpec spec = NetworkSpec.of("lab3", 20, 3).withOptions(Map.of("supernode-ratio", "0.1"));
        try (SimTransport sim = SimTransport.withSeed(3);
             Network net = new KazaaOverlay(Subject.factory(SupernodeElection.class)).create(spec, sim)) {
            SimSteps steps = new SimSteps(sim);
            steps.within(Duration.ofSeconds(5), () -> false);
            List<PeerId> supers = supernodes(net);
            assertEquals(2, supers.size(), "20 peers at ratio 0.1 start with 2 supernodes: " + supers);
            PeerId sharer = firstNotIn(net, supers, 0);
            PeerId asker = firstNotIn(net, supers, sharer.value() + 1);
            net.share(sharer, new BytesContent("Amber River.mp3", "x".getBytes(StandardCharsets.UTF_8)));
            steps.within(Duration.ofSeconds(5), () -> false);
            assertTrue(steps.await(net.search(asker, Query.of("amber")), Duration.ofSeconds(60)).found(), "found before the crash");
            net.kill(supers.get(0));
            boolean found = steps.within(Duration.ofSeconds(120), () -> {
                SearchResult r = steps.await(net.search(asker, Query.of("amber")), Duration.ofSeconds(60));
                return r.found();
            });
            assertTrue(found, "after supernode " + supers.get(0) + " crashed, its children re-attach and the file is found again");
        }
    }

    /** The running supernodes, as the overlay reports roles to the shell. */
    private static List<PeerId> supernodes(Network net) {
        return net.topology().peers().stream().filter(p -> p.alive() && p.role() == Role.SUPERNODE).map(PeerInfo::id).toList();
    }

    private static PeerId firstNotIn(Network net, List<PeerId> supers, int from) {
        for (PeerId p : net.peers()) {
            if (p.value() >= from && !supers.contains(p)) {
                return p;
            }
        }
        throw new AssertionError("no ordinary peer");
    }

    @Test
    @DisplayName("3.8 a large network: the share of supernodes follows the ratio")
    @Graded(points = 2, visibility = Visibility.HIDDEN)
    void ratioAtScale() {
        List<Candidate> peers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            peers.add(peer(i, 1000L * (i % 97 + 1), i % 3 == 0, i));
        }
        Set<Integer> chosen = election().initialSupernodes(peers, ElectionParams.forRatio(0.05));
        assertEquals(50, chosen.size(), "1000 peers at ratio 0.05");
        assertTrue(chosen.stream().noneMatch(id -> id % 3 == 0), "no firewalled peer among " + chosen);
    }
}
