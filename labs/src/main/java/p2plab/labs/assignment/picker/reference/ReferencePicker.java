package p2plab.labs.assignment.picker.reference;

import java.util.random.RandomGenerator;
import p2plab.bittorrent.picker.PickerView;
import p2plab.bittorrent.picker.PiecePicker;
import p2plab.bittorrent.wire.PieceSet;

/**
 * Lab 4's reference solution: strict priority for started pieces, random first while we hold
 * fewer than {@link #RANDOM_FIRST} pieces, then rarest first with ties broken at random.
 */
public final class ReferencePicker implements PiecePicker {
    static final int RANDOM_FIRST = 4;

    @Override
    public int pick(PickerView view, PieceSet peerHas, RandomGenerator random) {
        int fallback = -1;
        int best = -1;
        int bestAvailability = Integer.MAX_VALUE;
        int ties = 0;
        int eligible = 0;
        for (int i = 0; i < view.pieceCount(); i++) {
            if (!PiecePicker.eligible(view, peerHas, i)) {
                continue;
            }
            if (view.started(i)) {
                return i; // strict priority: finish what we started
            }
            eligible++;
            if (random.nextInt(eligible) == 0) {
                fallback = i; // uniform over eligible pieces
            }
            int a = view.availability(i);
            if (a < bestAvailability) {
                best = i;
                bestAvailability = a;
                ties = 1;
            } else if (a == bestAvailability && random.nextInt(++ties) == 0) {
                best = i;
            }
        }
        return view.completed() < RANDOM_FIRST ? fallback : best;
    }
}
