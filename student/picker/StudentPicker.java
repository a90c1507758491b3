package picker;

import java.util.random.RandomGenerator;
import p2plab.bittorrent.picker.PickerView;
import p2plab.bittorrent.picker.PiecePicker;
import p2plab.bittorrent.wire.PieceSet;

/**
 * Lab 4: your BitTorrent piece picker. Read docs/labs/lab4-picker.md, then replace the TODO.
 * Grade it with `./p2plab grade picker`.
 */
public class StudentPicker implements PiecePicker {

    @Override
    public int pick(PickerView view, PieceSet peerHas, RandomGenerator random) {
        throw new UnsupportedOperationException("TODO: strict priority, random first, rarest first");
    }
}
