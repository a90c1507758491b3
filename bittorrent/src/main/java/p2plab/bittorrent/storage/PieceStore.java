package p2plab.bittorrent.storage;

/** Where a torrent's bytes live, addressed as one concatenated byte space. */
public interface PieceStore extends AutoCloseable {

    byte[] read(long offset, int length);

    void write(long offset, byte[] data);

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
