package p2plab.common.content;

import java.util.List;

/** A file that a peer can share: a name, a size, and bytes that can be read at any offset. */
public interface Content {

    /** SHA-256 of the bytes; what downloads are verified against. */
    ContentId id();

    String name();

    long size();

    /** Reads {@code length} bytes at {@code offset}; {@code offset + length <= size()}. */
    byte[] read(long offset, int length);

    /** The words of the name, as searches match them. */
    default List<String> keywords() {
        return Keywords.of(name());
    }
}
