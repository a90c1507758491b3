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

    /**
     * The first piece at or after {@code from} that may be {@linkplain #started started}, or -1:
     * every started piece is among the pieces this walks through, in increasing order, though some
     * of them may not be started (callers check {@link #started}). The default walks every piece;
     * a peer that keeps the few pieces under way apart overrides it, so finding a started piece
     * for each request does not cost a look at every piece.
     */
    default int nextStarted(int from) {
        return from < pieceCount() ? from : -1;
    }

    /** It still has blocks that nobody was asked for. */
    boolean requestable(int piece);

    /** Pieces we have. */
    int completed();
}
