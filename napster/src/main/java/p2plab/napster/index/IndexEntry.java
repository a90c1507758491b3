package p2plab.napster.index;

/** One search answer from the index: {@code peer} (its nickname) shares {@code file}. */
public record IndexEntry(String peer, SharedFile file) {
}
