package p2plab.bittorrent.picker;

import java.util.random.RandomGenerator;
import p2plab.bittorrent.wire.PieceSet;

/** Lowest index first, like streaming a video: simple, and bad for the swarm (everyone wants the same pieces). */
public final class SequentialPicker implements PiecePicker {

    @Override
    public int pick(PickerView view, PieceSet peerHas, RandomGenerator random) {
        for (int i = peerHas.next(0); i >= 0; i = peerHas.next(i + 1)) {
            if (PiecePicker.eligible(view, peerHas, i)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "sequential";
    }
}
