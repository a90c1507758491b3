package p2plab.bittorrent.choke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TitForTatChokerTest {
    static final long S = 1_000_000_000L;

    static ChokeCandidate peer(String key, double down, double up) {
        return new ChokeCandidate(key, true, down, up, false, 0, false);
    }

    @Test
    void fourBestUploadersToUsPlusOneOptimistic() {
        List<ChokeCandidate> peers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            peers.add(peer("p" + i, i * 100, 0));
        }
        TitForTatChoker c = new TitForTatChoker();
        Set<String> u = c.unchoke(peers, false, 100 * S, new SplittableRandom(1));
        assertEquals(5, u.size());
        assertTrue(u.containsAll(Set.of("p9", "p8", "p7", "p6")));
        assertTrue(u.contains(c.optimistic()));
    }

    @Test
    void seedsRankByUploadRate() {
        List<ChokeCandidate> peers = List.of(peer("a", 0, 1), peer("b", 0, 9), peer("c", 0, 5), peer("d", 0, 7),
                peer("e", 0, 8), peer("f", 0, 0));
        Set<String> u = new TitForTatChoker(4, 30 * S).unchoke(peers, true, 100 * S, new SplittableRandom(1));
        assertTrue(u.containsAll(Set.of("b", "e", "d", "c")));
    }

    @Test
    void optimisticSlotRotatesEveryThirtySeconds() {
        List<ChokeCandidate> peers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            peers.add(peer("p" + i, i < 4 ? 1000 : 0, 0));
        }
        TitForTatChoker c = new TitForTatChoker();
        SplittableRandom r = new SplittableRandom(5);
        c.unchoke(peers, false, 100 * S, r);
        String first = c.optimistic();
        c.unchoke(peers, false, 110 * S, r);
        assertEquals(first, c.optimistic(), "kept within 30 s");
        Set<String> later = new HashSet<>();
        for (int t = 130; t < 500; t += 30) {
            c.unchoke(peers, false, t * S, r);
            later.add(c.optimistic());
        }
        assertTrue(later.size() > 3, "should rotate among peers: " + later);
    }

    @Test
    void newPeersAreFavouredForTheOptimisticSlot() {
        int newWins = 0;
        for (int s = 0; s < 200; s++) {
            List<ChokeCandidate> peers = new ArrayList<>();
            peers.add(new ChokeCandidate("new", true, 0, 0, false, 95 * S, false));
            for (int i = 0; i < 5; i++) {
                peers.add(new ChokeCandidate("old" + i, true, 0, 0, false, 0, false));
            }
            TitForTatChoker c = new TitForTatChoker(0, 30 * S);
            c.unchoke(peers, false, 100 * S, new SplittableRandom(s));
            newWins += c.optimistic().equals("new") ? 1 : 0;
        }
        // three tickets of eight: about 75 of 200; one ticket of six would be about 33
        assertTrue(newWins > 55, "new peer won " + newWins + " of 200");
    }

    @Test
    void snubbedAndUninterestedPeersGetNoRegularSlot() {
        List<ChokeCandidate> peers = List.of(new ChokeCandidate("snub", true, 9999, 0, true, 0, true),
                new ChokeCandidate("bored", false, 5000, 0, false, 0, false), peer("a", 1, 0));
        TitForTatChoker c = new TitForTatChoker(1, 30 * S);
        Set<String> u = c.unchoke(peers, false, 100 * S, new SplittableRandom(2));
        assertTrue(u.contains("a"));
        assertFalse(u.contains("bored"));
        assertNotEquals("bored", c.optimistic());
        assertEquals(Set.of(), new FreeRiderChoker().unchoke(peers, false, 0, new SplittableRandom(1)));
    }
}
