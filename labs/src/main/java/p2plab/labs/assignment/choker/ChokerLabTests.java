package p2plab.labs.assignment.choker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import p2plab.bittorrent.choke.ChokeCandidate;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.picker.Pickers;
import p2plab.labs.assignment.sim.SwarmRun;
import p2plab.labs.grading.Graded;
import p2plab.labs.grading.Subject;
import p2plab.labs.grading.Visibility;

/** Lab 5: tit-for-tat with four regular slots, the optimistic unchoke and anti-snubbing. 23 points. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class ChokerLabTests {
    private static final long S = 1_000_000_000L;

    private static Choker choker() {
        return Subject.get(Choker.class);
    }

    /** Peers p0..p{n-1}, interested, p{i} giving us (i + 1) * 10 kB/s, connected long ago. */
    private static List<ChokeCandidate> peers(int n) {
        List<ChokeCandidate> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new ChokeCandidate("p" + i, true, (i + 1) * 10_000, 0, false, 0, false));
        }
        return l;
    }

    private static Set<String> call(Choker c, List<ChokeCandidate> peers, boolean seeding, long now, long seed) {
        Set<String> s = c.unchoke(peers, seeding, now, new SplittableRandom(seed));
        assertNotNull(s, "unchoke returned null");
        return s;
    }

    @Test
    @DisplayName("5.1 four regular slots for the fastest uploaders to us, plus one optimistic")
    @Graded(points = 4)
    void fourPlusOne() {
        Set<String> s = call(choker(), peers(10), false, 100 * S, 1);
        assertTrue(s.containsAll(Set.of("p9", "p8", "p7", "p6")), "the four fastest (p6..p9) keep their slots: " + s);
        assertEquals(5, s.size(), "4 regular + 1 optimistic: " + s);
    }

    @Test
    @DisplayName("5.2 peers that are not interested are never unchoked")
    @Graded(points = 2)
    void notInterested() {
        List<ChokeCandidate> l = new ArrayList<>(peers(6));
        l.add(new ChokeCandidate("idle", false, 1e9, 0, false, 0, false));
        for (long seed = 0; seed < 20; seed++) {
            assertFalse(call(choker(), l, false, 100 * S, seed).contains("idle"), "'idle' is not interested");
        }
    }

    @Test
    @DisplayName("5.3 when seeding, the slots go to the peers that download fastest from us")
    @Graded(points = 3)
    void seedingRanksByUpload() {
        List<ChokeCandidate> l = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            l.add(new ChokeCandidate("p" + i, true, 0, (10 - i) * 10_000, false, 0, false));
        }
        Set<String> s = call(choker(), l, true, 100 * S, 1);
        assertTrue(s.containsAll(Set.of("p0", "p1", "p2", "p3")), "seeding: p0..p3 take the most from us: " + s);
        assertEquals(5, s.size(), s.toString());
    }

    @Test
    @DisplayName("5.4 the optimistic unchoke stays 30 s, then rotates")
    @Graded(points = 4)
    void optimisticRotates() {
        Choker c = choker();
        List<ChokeCandidate> l = peers(12);
        Set<String> regular = Set.of("p11", "p10", "p9", "p8");
        Set<String> optimists = new HashSet<>();
        for (int window = 0; window < 12; window++) {
            String inWindow = null;
            for (int k = 0; k < 3; k++) {
                long now = 1000 * S + window * 30 * S + k * 10 * S;
                Set<String> s = new HashSet<>(call(c, l, false, now, window * 3L + k));
                assertTrue(s.containsAll(regular), "regular slots at t=" + now / S + " s: " + s);
                s.removeAll(regular);
                assertEquals(1, s.size(), "one optimistic unchoke at t=" + now / S + " s: " + s);
                String o = s.iterator().next();
                if (inWindow != null) {
                    assertEquals(inWindow, o, "the optimistic peer changed before its 30 s were up (t=" + now / S + " s)");
                }
                inWindow = o;
            }
            optimists.add(inWindow);
        }
        assertTrue(optimists.size() >= 4, "12 rotations gave only " + optimists + ": pick the optimistic peer at random");
    }

    @Test
    @DisplayName("5.5 anti-snubbing: a snubbed peer loses its regular slot")
    @Graded(points = 3)
    void snubbed() {
        List<ChokeCandidate> l = new ArrayList<>(peers(9));
        l.set(8, new ChokeCandidate("p8", true, 1e9, 0, true, 0, false));
        Set<String> regularSeen = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            Set<String> s = call(choker(), l, false, 100 * S, seed);
            assertTrue(s.containsAll(Set.of("p7", "p6", "p5", "p4")), "p8 is snubbed, so p4..p7 get the regular slots: " + s);
            regularSeen.addAll(s);
        }
        assertTrue(regularSeen.size() > 5, "the optimistic slot still rotates among the rest");
    }

    @Test
    @DisplayName("5.6 few interested peers: all of them are unchoked")
    @Graded(points = 2)
    void fewPeers() {
        assertEquals(Set.of("p0", "p1", "p2"), call(choker(), peers(3), false, 100 * S, 1));
        assertEquals(Set.of(), call(choker(), List.of(), false, 100 * S, 1));
    }

    @Test
    @DisplayName("5.7 newcomers are three times as likely to get the optimistic slot")
    @Graded(points = 2, visibility = Visibility.HIDDEN)
    void newcomersFavoured() {
        long now = 1000 * S;
        List<ChokeCandidate> l = new ArrayList<>(peers(9));
        l.set(0, new ChokeCandidate("new", true, 1, 0, false, now - 5 * S, false));
        int picked = 0;
        int trials = 600;
        for (int seed = 0; seed < trials; seed++) {
            if (call(choker(), l, false, now, seed).contains("new")) {
                picked++;
            }
        }
        // 5 candidates for the optimistic slot, the newcomer with 3 tickets of 7: 3/7 = 0.43 (uniform: 0.2)
        double share = picked / (double) trials;
        assertTrue(share > 0.33 && share < 0.53, "the newcomer got the optimistic slot " + picked + " times in " + trials);
    }

    @Test
    @DisplayName("5.8 in a simulated swarm with your choker, five leechers all get the whole file")
    @Graded(points = 3)
    void swarm() {
        SwarmRun.Outcome o = SwarmRun.run(Pickers.byName("rarest"), ChokerLabTests::choker, 5, 512 * 1024, 5);
        assertEquals(5, o.correct(), "leechers that finished with the right bytes within 10 simulated minutes");
    }
}
