package p2plab.bittorrent.picker;

import java.util.random.RandomGenerator;
import p2plab.bittorrent.wire.PieceSet;

/**
 * Chooses which piece to request blocks of next from one peer. The BitTorrent lab asks students
 * to write their own; the peer asks again each time it has room for another request.
 */
public interface PiecePicker {

    /**
     * @param view    our state and the swarm's availability
     * @param peerHas the pieces of the peer we are about to ask
     * @return a piece the peer has, that we lack and that is {@link PickerView#requestable}; or -1
     */
    int pick(PickerView view, PieceSet peerHas, RandomGenerator random);

    /** True when the piece may be asked of this peer at all. */
    static boolean eligible(PickerView view, PieceSet peerHas, int piece) {
        return peerHas.has(piece) && !view.have(piece) && view.requestable(piece);
    }

    /** A started piece this peer can help finish, or -1: finishing pieces first keeps them tradeable. */
    static int startedPiece(PickerView view, PieceSet peerHas) {
        for (int i = view.nextStarted(0); i >= 0; i = view.nextStarted(i + 1)) {
            if (view.started(i) && eligible(view, peerHas, i)) {
                return i;
            }
        }
        return -1;
    }
}
