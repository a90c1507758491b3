package p2plab.bittorrent.picker;

import java.util.random.RandomGenerator;
import p2plab.bittorrent.wire.PieceSet;

/** Any eligible piece at random (after finishing started ones): the baseline rarest-first is compared with. */
public final class RandomPicker implements PiecePicker {

    @Override
    public int pick(PickerView view, PieceSet peerHas, RandomGenerator random) {
        int started = PiecePicker.startedPiece(view, peerHas);
        return started >= 0 ? started : randomEligible(view, peerHas, random);
    }

    static int randomEligible(PickerView view, PieceSet peerHas, RandomGenerator random) {
        int chosen = -1;
        int seen = 0;
        for (int i = peerHas.next(0); i >= 0; i = peerHas.next(i + 1)) {
            if (PiecePicker.eligible(view, peerHas, i) && random.nextInt(++seen) == 0) {
                chosen = i;
            }
        }
        return chosen;
    }

    @Override
    public String toString() {
        return "random";
    }
}
