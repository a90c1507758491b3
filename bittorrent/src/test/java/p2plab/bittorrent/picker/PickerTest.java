package p2plab.bittorrent.picker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.wire.PieceSet;

class PickerTest {

    /** A hand-set view: availability per piece, what we have, what is started or fully requested. */
    static class View implements PickerView {
        final int[] availability;
        final Set<Integer> have = new HashSet<>();
        final Set<Integer> started = new HashSet<>();
        final Set<Integer> fullyRequested = new HashSet<>();

        View(int... availability) {
            this.availability = availability;
        }

        @Override public int pieceCount() { return availability.length; }
        @Override public boolean have(int p) { return have.contains(p); }
        @Override public int availability(int p) { return availability[p]; }
        @Override public boolean started(int p) { return started.contains(p); }
        @Override public boolean requestable(int p) { return !have.contains(p) && !fullyRequested.contains(p); }
        @Override public int completed() { return have.size(); }
    }

    @Test
    void rarestFirstTakesTheLeastReplicatedPieceOnceItHasSome() {
        View v = new View(5, 3, 1, 4, 2, 6);
        v.have.addAll(Set.of(0, 1, 3, 5)); // past the random-first phase
        PieceSet peer = PieceSet.full(6);
        assertEquals(2, new RarestFirstPicker().pick(v, peer, new SplittableRandom(1)));
    }

    @Test
    void startedPiecesComeFirst() {
        View v = new View(5, 5, 1, 5);
        v.started.add(3);
        assertEquals(3, new RarestFirstPicker(0).pick(v, PieceSet.full(4), new SplittableRandom(1)));
        assertEquals(3, new RandomPicker().pick(v, PieceSet.full(4), new SplittableRandom(1)));
    }

    @Test
    void randomFirstUntilTheFirstPiecesComplete() {
        View v = new View(1, 9, 9, 9, 9, 9, 9, 9);
        Set<Integer> seen = new HashSet<>();
        for (int s = 0; s < 50; s++) {
            seen.add(new RarestFirstPicker(4).pick(v, PieceSet.full(8), new SplittableRandom(s)));
        }
        assertTrue(seen.size() > 3, "random phase should spread picks, got " + seen);
        v.have.addAll(Set.of(4, 5, 6, 7));
        assertEquals(0, new RarestFirstPicker(4).pick(v, PieceSet.full(8), new SplittableRandom(3)));
    }

    @Test
    void onlyPiecesThePeerHasAndWeStillNeed() {
        View v = new View(1, 1, 1);
        v.have.add(0);
        v.fullyRequested.add(2);
        PieceSet peer = new PieceSet(3);
        peer.add(0);
        peer.add(2);
        assertEquals(-1, new RarestFirstPicker(0).pick(v, peer, new SplittableRandom(1)));
        peer.add(1);
        assertEquals(1, new SequentialPicker().pick(v, peer, new SplittableRandom(1)));
        assertEquals(1, new RandomPicker().pick(v, peer, new SplittableRandom(1)));
    }

    @Test
    void theFirstStartedPieceThePeerCanHelpWithWhereverTheViewLooksForIt() {
        View v = new View(5, 5, 5, 5, 5, 5);
        v.started.addAll(Set.of(1, 3, 4));
        PieceSet peer = new PieceSet(6);
        peer.add(3);
        peer.add(4);
        assertEquals(3, PiecePicker.startedPiece(v, peer)); // the default walks every piece
        View narrowed = new View(5, 5, 5, 5, 5, 5) {
            @Override
            public int nextStarted(int from) {
                for (int p : new int[] {0, 1, 3, 4}) { // a superset of the started pieces, as TorrentSession keeps it
                    if (p >= from) {
                        return p;
                    }
                }
                return -1;
            }
        };
        narrowed.started.addAll(v.started);
        assertEquals(3, PiecePicker.startedPiece(narrowed, peer));
        narrowed.fullyRequested.add(3);
        assertEquals(4, PiecePicker.startedPiece(narrowed, peer));
        narrowed.fullyRequested.add(4);
        assertEquals(-1, PiecePicker.startedPiece(narrowed, peer));
    }
}
