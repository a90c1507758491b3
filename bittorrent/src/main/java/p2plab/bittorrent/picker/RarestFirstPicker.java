package p2plab.bittorrent.picker;

import java.util.random.RandomGenerator;
import p2plab.bittorrent.wire.PieceSet;

/**
 * The standard policy: finish started pieces first; while we hold fewer than
 * {@code randomFirst} pieces pick at random (a rare piece would take long to get, and we need
 * something to trade quickly); afterwards the rarest piece among connected peers, ties at random.
 */
public final class RarestFirstPicker implements PiecePicker {
    private final int randomFirst;

    public RarestFirstPicker() {
        this(4);
    }

    public RarestFirstPicker(int randomFirst) {
        this.randomFirst = randomFirst;
    }

    @Override
    public int pick(PickerView view, PieceSet peerHas, RandomGenerator random) {
        int started = PiecePicker.startedPiece(view, peerHas);
        if (started >= 0) {
            return started;
        }
        if (view.completed() < randomFirst) {
            return RandomPicker.randomEligible(view, peerHas, random);
        }
        int best = -1;
        int bestAvailability = Integer.MAX_VALUE;
        int ties = 0;
        for (int i = peerHas.next(0); i >= 0; i = peerHas.next(i + 1)) {
            if (!PiecePicker.eligible(view, peerHas, i)) {
                continue;
            }
            int a = view.availability(i);
            if (a < bestAvailability) {
                best = i;
                bestAvailability = a;
                ties = 1;
            } else if (a == bestAvailability && random.nextInt(++ties) == 0) {
                best = i; // reservoir sampling: each tied piece equally likely
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "rarest-first";
    }
}
