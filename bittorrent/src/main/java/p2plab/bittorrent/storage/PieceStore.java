package p2plab.bittorrent.storage;

/** Where a torrent's bytes live, addressed as one concatenated byte space. */
public interface PieceStore extends AutoCloseable {

    byte[] read(long offset, int length);

    void write(long offset, byte[] data);

    /**
     * True when blocks may be written as they arrive, before their piece is verified: a file, where
     * a block's bytes simply wait at their place (a piece is only read once it is had, and a bad
     * one is overwritten when it is fetched again). False (the default) for a store that must only
     * ever see whole verified pieces, such as {@link HeldPieces}, which takes a write as "this
     * piece verified".
     */
    default boolean takesUnverifiedBlocks() {
        return false;
    }

    /** True when bytes at {@code offset} may exist (so a re-check is worth it). */
    default boolean mayHold(long offset, int length) {
        return true;
    }

    /**
     * Called once every piece is had: a store on disk creates what no piece wrote (empty files, the
     * file of an empty torrent).
     */
    default void allPiecesHad() {
    }

    @Override
    default void close() {
    }
}
