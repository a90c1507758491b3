package p2plab.napster.index;

import p2plab.common.content.ContentId;

/** One file as the index knows it: its name, its content hash and its size. */
public record SharedFile(String name, ContentId id, long size) {

    public SharedFile {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a shared file needs a name");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a file size must be >= 0, got " + size);
        }
    }
}
