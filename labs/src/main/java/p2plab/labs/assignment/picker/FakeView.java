package p2plab.labs.assignment.picker;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import p2plab.bittorrent.picker.PickerView;
import p2plab.bittorrent.wire.PieceSet;

/** A hand-made {@link PickerView}: which pieces we have, started, exhausted, and their availability. */
public final class FakeView implements PickerView {
    final int[] availability;
    final Set<Integer> have = new HashSet<>();
    final Set<Integer> started = new HashSet<>();
    final Set<Integer> exhausted = new HashSet<>();

    public FakeView(int... availability) {
        this.availability = availability.clone();
    }

    public FakeView holding(Integer... pieces) {
        have.addAll(Arrays.asList(pieces));
        return this;
    }

    public FakeView starting(Integer... pieces) {
        started.addAll(Arrays.asList(pieces));
        return this;
    }

    /** Started, with every block already requested: nothing left to ask for. */
    public FakeView exhausted(Integer... pieces) {
        exhausted.addAll(Arrays.asList(pieces));
        started.addAll(Arrays.asList(pieces));
        return this;
    }

    public static PieceSet pieces(int size, int... set) {
        PieceSet s = new PieceSet(size);
        for (int i : set) {
            s.add(i);
        }
        return s;
    }

    @Override
    public int pieceCount() {
        return availability.length;
    }

    @Override
    public boolean have(int piece) {
        return have.contains(piece);
    }

    @Override
    public int availability(int piece) {
        return availability[piece];
    }

    @Override
    public boolean started(int piece) {
        return started.contains(piece) && !have.contains(piece);
    }

    @Override
    public boolean requestable(int piece) {
        return !have.contains(piece) && !exhausted.contains(piece);
    }

    @Override
    public int completed() {
        return have.size();
    }
}
