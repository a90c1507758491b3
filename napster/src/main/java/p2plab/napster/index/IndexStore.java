package p2plab.napster.index;

import java.util.List;

/**
 * The index server's catalogue: which logged-in peer shares which file. This is the strategy the
 * Napster lab asks students to write; the server calls it on its own thread only, so an
 * implementation needs no locks.
 *
 * <p>Matching rule (the same as {@link p2plab.common.overlay.Query#matches}): a file matches when
 * every keyword is one of the words of its name ({@link p2plab.common.content.Keywords#of}),
 * ignoring case. Keywords arrive already lower-cased and split.
 */
public interface IndexStore {

    /**
     * {@code peer} shares {@code file}. A peer shares a name at most once: registering the same
     * name again replaces the earlier entry.
     */
    void register(String peer, SharedFile file);

    /** {@code peer} no longer shares the file named {@code fileName}; false if it did not. */
    boolean unregister(String peer, String fileName);

    /**
     * At most {@code maxResults} entries whose name contains every keyword, oldest registration
     * first. An empty keyword list matches nothing.
     */
    List<IndexEntry> search(List<String> keywords, int maxResults);

    /** {@code peer} left (logged out, crashed, timed out): forget all its files; returns how many. */
    int removePeer(String peer);

    /** Entries held: one per (peer, file name). */
    int size();
}
