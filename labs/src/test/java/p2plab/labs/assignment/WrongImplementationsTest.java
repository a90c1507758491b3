package p2plab.labs.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.choke.ChokeCandidate;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.choke.TitForTatChoker;
import p2plab.bittorrent.picker.PickerView;
import p2plab.bittorrent.picker.PiecePicker;
import p2plab.bittorrent.picker.RarestFirstPicker;
import p2plab.bittorrent.wire.PieceSet;
import p2plab.gnutella.routing.Neighbour;
import p2plab.gnutella.routing.QueryInfo;
import p2plab.kazaa.election.Candidate;
import p2plab.kazaa.election.Decision;
import p2plab.kazaa.election.ElectionParams;
import p2plab.kazaa.election.SupernodeElection;
import p2plab.kazaa.election.SupernodeView;
import p2plab.labs.assignment.distribution.reference.ReferenceDistributionModel;
import p2plab.labs.assignment.gnutella.QueryRouter;
import p2plab.labs.assignment.gnutella.reference.ReferenceQueryRouter;
import p2plab.labs.assignment.napster.reference.ReferenceIndexStore;
import p2plab.labs.grading.Assignments;
import p2plab.labs.grading.GradeReport;
import p2plab.labs.grading.Grader;
import p2plab.labs.grading.TestOutcome;
import p2plab.napster.index.IndexEntry;
import p2plab.napster.index.IndexStore;
import p2plab.napster.index.SharedFile;

/**
 * Each lab catches a typical mistake: a deliberately wrong implementation loses exactly the tests
 * (named by their number) that check the rule it breaks, and keeps the others.
 */
class WrongImplementationsTest {

    /** Grades {@code impl} on {@code lab} and returns the numbers ("1.3") of the failed tests. */
    private static Set<String> failed(String lab, Supplier<?> impl) {
        GradeReport r = Grader.grade(Assignments.load().require(lab), "wrong", impl);
        Set<String> numbers = new TreeSet<>();
        for (TestOutcome t : r.tests()) {
            if (!t.passed()) {
                numbers.add(t.name().substring(0, t.name().indexOf(' ')));
            }
        }
        return numbers;
    }

    // ---- Lab 1: Napster

    /** Ignores the result cap. */
    static final class NoCap implements IndexStore {
        private final ReferenceIndexStore store = new ReferenceIndexStore();

        public void register(String peer, SharedFile file) {
            store.register(peer, file);
        }

        public boolean unregister(String peer, String fileName) {
            return store.unregister(peer, fileName);
        }

        public List<IndexEntry> search(List<String> keywords, int maxResults) {
            return store.search(keywords, Integer.MAX_VALUE);
        }

        public int removePeer(String peer) {
            return store.removePeer(peer);
        }

        public int size() {
            return store.size();
        }
    }

    /** Forgets nothing when a peer leaves. */
    static final class KeepsDeparted implements IndexStore {
        private final ReferenceIndexStore store = new ReferenceIndexStore();

        public void register(String peer, SharedFile file) {
            store.register(peer, file);
        }

        public boolean unregister(String peer, String fileName) {
            return store.unregister(peer, fileName);
        }

        public List<IndexEntry> search(List<String> keywords, int maxResults) {
            return store.search(keywords, maxResults);
        }

        public int removePeer(String peer) {
            return 0;
        }

        public int size() {
            return store.size();
        }
    }

    @Test
    void napsterWithoutTheResultCapLosesTheCapTest() {
        assertEquals(Set.of("1.3"), failed("napster", NoCap::new));
    }

    @Test
    void napsterThatKeepsDepartedPeersLosesTheDepartureTests() {
        assertEquals(Set.of("1.6", "1.8", "1.9"), failed("napster", KeepsDeparted::new));
    }

    // ---- Lab 2: Gnutella

    /** Flooding that ignores the TTL: forwards every new query. */
    static final class IgnoresTtl extends Delegating {
        @Override
        public Decision onQuery(String guid, String from, int ttl, int hops) {
            Decision d = router.onQuery(guid, from, ttl, hops);
            return d.handle() ? new Decision(true, true, Math.max(1, d.ttl()), d.hops()) : d;
        }
    }

    /** Forwards duplicates too. */
    static final class NoDuplicateSuppression extends Delegating {
        @Override
        public Decision onQuery(String guid, String from, int ttl, int hops) {
            router.onQuery(guid, from, ttl, hops);
            return new Decision(true, ttl - 1 > 0, ttl - 1, hops + 1);
        }
    }

    static class Delegating implements QueryRouter {
        final ReferenceQueryRouter router = new ReferenceQueryRouter();

        public void originate(String guid) {
            router.originate(guid);
        }

        public Decision onQuery(String guid, String from, int ttl, int hops) {
            return router.onQuery(guid, from, ttl, hops);
        }

        public String routeHit(String guid) {
            return router.routeHit(guid);
        }

        public List<Neighbour> choose(QueryInfo query, List<Neighbour> candidates, RandomGenerator random) {
            return router.choose(query, candidates, random);
        }

        public List<Integer> rounds(int ttl) {
            return router.rounds(ttl);
        }
    }

    @Test
    void gnutellaFloodingThatIgnoresTtlLosesTheTtlTests() {
        assertEquals(Set.of("2.2", "2.6", "2.7", "2.8"), failed("gnutella", IgnoresTtl::new));
    }

    @Test
    void gnutellaWithoutDuplicateSuppressionLosesTheDuplicateTests() {
        assertEquals(Set.of("2.3", "2.7"), failed("gnutella", NoDuplicateSuppression::new));
    }

    // ---- Lab 3: Kazaa

    /** Lowest ids serve, whatever their capacity; never reviews. */
    static final class LowestIds implements SupernodeElection {
        public Set<Integer> initialSupernodes(List<Candidate> peers, ElectionParams params) {
            List<Integer> ids = new ArrayList<>(peers.stream().map(Candidate::id).sorted().toList());
            long wanted = Math.max(1, Math.round(params.targetRatio() * peers.size()));
            return Set.copyOf(ids.subList(0, (int) wanted));
        }

        public Decision review(SupernodeView view) {
            return Decision.KEEP;
        }
    }

    @Test
    void kazaaElectionByIdLosesTheCapacityAndLoadTests() {
        assertEquals(Set.of("3.1", "3.2", "3.3", "3.5", "3.8"), failed("kazaa", LowestIds::new));
    }

    // ---- Lab 4: piece picker

    /** Always piece 0. */
    static final class PieceZero implements PiecePicker {
        public int pick(PickerView view, PieceSet peerHas, RandomGenerator random) {
            return 0;
        }
    }

    @Test
    void pickerThatAlwaysPicksPieceZeroLosesEverything() {
        assertEquals(Set.of("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.8"), failed("picker", PieceZero::new));
    }

    @Test
    void pickerWithoutRandomFirstLosesOnlyThatTest() {
        assertEquals(Set.of("4.6"), failed("picker", () -> new RarestFirstPicker(0)));
    }

    // ---- Lab 5: choker

    /** Unchokes every interested peer: no tit-for-tat at all. */
    static final class UnchokeAll implements Choker {
        public Set<String> unchoke(List<ChokeCandidate> peers, boolean seeding, long nowNanos, RandomGenerator random) {
            return Set.copyOf(peers.stream().filter(ChokeCandidate::interested).map(ChokeCandidate::key).toList());
        }
    }

    @Test
    void chokerThatUnchokesEveryoneLosesTheSlotTests() {
        assertEquals(Set.of("5.1", "5.3", "5.4", "5.7"), failed("choker", UnchokeAll::new));
    }

    @Test
    void chokerWithoutOptimisticUnchokeLosesTheOptimisticTests() {
        assertEquals(Set.of("5.1", "5.3", "5.4", "5.5", "5.7"), failed("choker", NoOptimistic::new));
    }

    /** Tit-for-tat's four regular slots, without the optimistic one. */
    static final class NoOptimistic implements Choker {
        public Set<String> unchoke(List<ChokeCandidate> peers, boolean seeding, long nowNanos, RandomGenerator random) {
            TitForTatChoker tft = new TitForTatChoker(4, 1);
            Set<String> all = new java.util.HashSet<>(tft.unchoke(peers, seeding, nowNanos, random));
            if (tft.optimistic() != null) {
                all.remove(tft.optimistic());
            }
            return all;
        }
    }

    // ---- Lab 6: distribution

    /** Thinks peers do not help: D_p2p = D_cs. */
    static final class ServerOnly implements p2plab.labs.assignment.distribution.DistributionModel {
        private final ReferenceDistributionModel model = new ReferenceDistributionModel();

        @Override
        public double clientServer(int n, double fileBytes, double serverUpload, double minDownload) {
            return n * fileBytes / serverUpload * 2; // and doubles it, for good measure
        }

        @Override
        public double peerToPeer(int n, double fileBytes, double serverUpload, double minDownload, double sumPeerUpload) {
            return clientServer(n, fileBytes, serverUpload, minDownload);
        }

        @Override
        public int maxClientsClientServer(double seconds, double fileBytes, double serverUpload, double download) {
            return model.maxClientsClientServer(seconds, fileBytes, serverUpload, download);
        }

        @Override
        public int maxPeersPeerToPeer(double seconds, double fileBytes, double serverUpload, double peerUpload, double download) {
            return model.maxPeersPeerToPeer(seconds, fileBytes, serverUpload, peerUpload, download);
        }
    }

    /** Forgets the slowest client's term of both bounds. */
    static final class ForgetsDownload implements p2plab.labs.assignment.distribution.DistributionModel {
        private final ReferenceDistributionModel model = new ReferenceDistributionModel();

        @Override
        public int maxClientsClientServer(double seconds, double fileBytes, double serverUpload, double download) {
            return model.maxClientsClientServer(seconds, fileBytes, serverUpload, download);
        }

        @Override
        public int maxPeersPeerToPeer(double seconds, double fileBytes, double serverUpload, double peerUpload, double download) {
            return model.maxPeersPeerToPeer(seconds, fileBytes, serverUpload, peerUpload, download);
        }

        @Override
        public double clientServer(int n, double fileBytes, double serverUpload, double minDownload) {
            return n * fileBytes / serverUpload;
        }

        @Override
        public double peerToPeer(int n, double fileBytes, double serverUpload, double minDownload, double sumPeerUpload) {
            return Math.max(fileBytes / serverUpload, n * fileBytes / (serverUpload + sumPeerUpload));
        }
    }

    @Test
    void distributionWithoutTheDownloadTermLosesThoseTests() {
        assertEquals(Set.of("6.2", "6.3", "6.4"), failed("distribution", ForgetsDownload::new));
        assertEquals(Set.of("6.1", "6.2", "6.3", "6.4", "6.5", "6.9"), failed("distribution", ServerOnly::new));
    }
}
