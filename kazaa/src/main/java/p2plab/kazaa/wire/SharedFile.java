package p2plab.kazaa.wire;

import p2plab.common.content.ContentId;

/** One entry of an ordinary node's file list, as its supernode indexes it: name, size, content hash. */
public record SharedFile(String name, long size, ContentId content) {

    public SharedFile {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a shared file needs a name");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a file size is >= 0, got " + size);
        }
        if (content == null) {
            throw new IllegalArgumentException("a shared file needs its content hash");
        }
    }
}
