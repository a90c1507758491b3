package p2plab.labs.assignment.picker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import p2plab.bittorrent.choke.Chokers;
import p2plab.bittorrent.picker.PiecePicker;
import p2plab.bittorrent.wire.PieceSet;
import p2plab.labs.assignment.sim.SwarmRun;
import p2plab.labs.grading.Graded;
import p2plab.labs.grading.Subject;
import p2plab.labs.grading.Visibility;

/** Lab 4: the piece picker, one rule at a time on hand-made swarm states. 23 points. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class PickerLabTests {

    private static PiecePicker picker() {
        return Subject.get(PiecePicker.class);
    }

    @Test
    @DisplayName("4.1 only pieces the peer has, we lack, and can still request")
    @Graded(points = 3)
    void onlyEligible() {
        SplittableRandom r = new SplittableRandom(4);
        PiecePicker p = picker();
        for (int round = 0; round < 300; round++) {
            int n = 8 + r.nextInt(24);
            int[] avail = new int[n];
            FakeView v = new FakeView(avail);
            PieceSet peer = new PieceSet(n);
            for (int i = 0; i < n; i++) {
                avail[i] = 1 + r.nextInt(9);
                v.availability[i] = avail[i];
                if (r.nextInt(3) == 0) {
                    v.holding(i);
                } else if (r.nextInt(5) == 0) {
                    v.exhausted(i);
                } else if (r.nextInt(5) == 0) {
                    v.starting(i);
                }
                if (r.nextBoolean()) {
                    peer.add(i);
                }
            }
            int pick = p.pick(v, peer, r);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                any |= PiecePicker.eligible(v, peer, i);
            }
            if (any) {
                assertTrue(pick >= 0 && pick < n && PiecePicker.eligible(v, peer, pick),
                        "picked " + pick + ": it must be a piece the peer has, we lack and can request");
            } else {
                assertEquals(-1, pick, "nothing eligible: -1");
            }
        }
    }

    @Test
    @DisplayName("4.2 nothing left to request (endgame): -1")
    @Graded(points = 2)
    void nothingLeft() {
        FakeView v = new FakeView(1, 1, 1, 1, 1, 1).holding(0, 1, 2, 3).exhausted(4, 5);
        assertEquals(-1, picker().pick(v, PieceSet.full(6), new SplittableRandom(1)));
        assertEquals(-1, picker().pick(new FakeView(1, 2, 3), new PieceSet(3), new SplittableRandom(1)), "the peer has nothing");
    }

    @Test
    @DisplayName("4.3 strict priority: a started piece the peer has comes first")
    @Graded(points = 3)
    void strictPriority() {
        FakeView v = new FakeView(1, 5, 9, 9, 1, 1, 1, 1).holding(4, 5, 6, 7).starting(3);
        for (int seed = 0; seed < 20; seed++) {
            assertEquals(3, picker().pick(v, PieceSet.full(8), new SplittableRandom(seed)), "piece 3 is started: finish it first");
        }
        assertEquals(0, picker().pick(v, FakeView.pieces(8, 0, 1), new SplittableRandom(1)),
                "the peer lacks started piece 3: rarest of its pieces (0)");
    }

    @Test
    @DisplayName("4.4 rarest first once we hold 4 pieces")
    @Graded(points = 4)
    void rarestFirst() {
        FakeView v = new FakeView(7, 3, 9, 2, 5, 1, 1, 1, 1, 8).holding(5, 6, 7, 8);
        for (int seed = 0; seed < 20; seed++) {
            assertEquals(3, picker().pick(v, PieceSet.full(10), new SplittableRandom(seed)), "piece 3 has availability 2, the lowest");
            assertEquals(1, picker().pick(v, FakeView.pieces(10, 0, 1, 2, 4), new SplittableRandom(seed)),
                    "among the peer's pieces 0,1,2,4 the rarest is 1");
        }
    }

    @Test
    @DisplayName("4.5 rarest first breaks ties at random")
    @Graded(points = 2)
    void tiesAtRandom() {
        FakeView v = new FakeView(2, 6, 2, 2, 6, 1, 1, 1, 1).holding(5, 6, 7, 8);
        Set<Integer> seen = new HashSet<>();
        for (int seed = 0; seed < 200; seed++) {
            int pick = picker().pick(v, PieceSet.full(9), new SplittableRandom(seed));
            assertTrue(pick == 0 || pick == 2 || pick == 3, "pieces 0, 2, 3 tie as rarest; got " + pick);
            seen.add(pick);
        }
        assertEquals(Set.of(0, 2, 3), seen, "over 200 seeds each tied piece should come up");
    }

    @Test
    @DisplayName("4.6 random first: with fewer than 4 pieces, any eligible piece, not the rarest")
    @Graded(points = 4)
    void randomFirst() {
        FakeView v = new FakeView(1, 9, 9, 9, 9, 9, 9, 9).holding(7);
        int[] counts = new int[8];
        for (int seed = 0; seed < 700; seed++) {
            int pick = picker().pick(v, PieceSet.full(8), new SplittableRandom(seed));
            assertTrue(pick >= 0 && pick < 7, "piece " + pick + " is not eligible");
            counts[pick]++;
        }
        for (int i = 0; i < 7; i++) {
            assertTrue(counts[i] > 50, "piece " + i + " picked " + counts[i] + " times in 700: random first should pick uniformly");
        }
    }

    @Test
    @DisplayName("4.7 random first uses the random generator it is given (runs repeat)")
    @Graded(points = 2, visibility = Visibility.HIDDEN)
    void repeatable() {
        FakeView v = new FakeView(3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        for (int seed = 0; seed < 20; seed++) {
            assertEquals(picker().pick(v, PieceSet.full(10), new SplittableRandom(seed)),
                    picker().pick(v, PieceSet.full(10), new SplittableRandom(seed)), "same seed, same pick");
        }
    }

    @Test
    @DisplayName("4.8 in a simulated swarm with your picker, five leechers all get the whole file")
    @Graded(points = 3)
    void swarm() {
        SwarmRun.Outcome o = SwarmRun.run(PickerLabTests::picker, Chokers.byName("tit-for-tat"), 5, 512 * 1024, 4);
        assertEquals(5, o.correct(), "leechers that finished with the right bytes within 10 simulated minutes");
    }
}
