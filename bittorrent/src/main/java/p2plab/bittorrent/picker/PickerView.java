package p2plab.bittorrent.picker;

/** What a piece picker may look at: our pieces, what is under way, and availability among connected peers. */
public interface PickerView {

    int pieceCount();

    /** We have the piece, verified. */
    boolean have(int piece);

    /** How many connected peers announced the piece. */
    int availability(int piece);

    /** Some of its blocks are requested or received, but it is not complete. */
    boolean started(int piece);

    /** It still has blocks that nobody was asked for. */
    boolean requestable(int piece);

    /** Pieces we have. */
    int completed();
}
