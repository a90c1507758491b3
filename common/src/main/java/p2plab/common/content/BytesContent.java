package p2plab.common.content;

import java.util.Arrays;
import java.util.Objects;

/** Content held in memory: for tests and small files. */
public final class BytesContent implements Content {
    private final String name;
    private final byte[] data;
    private final ContentId id;

    public BytesContent(String name, byte[] data) {
        this(name, data.clone(), null);
    }

    private BytesContent(String name, byte[] data, ContentId knownId) {
        this.name = Objects.requireNonNull(name);
        this.data = data;
        this.id = knownId != null ? knownId : ContentId.of(Digests.sha256(data));
    }

    /**
     * Bytes a download has just checked against {@code id}: kept as they are, neither copied nor
     * hashed again (a 64 MiB file would otherwise be hashed twice). The caller hands them over.
     */
    public static BytesContent verified(String name, ContentId id, byte[] data) {
        return new BytesContent(name, data, Objects.requireNonNull(id));
    }

    @Override
    public ContentId id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public byte[] read(long offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("read " + length + " bytes at " + offset + " of " + data.length);
        }
        return Arrays.copyOfRange(data, (int) offset, (int) offset + length);
    }

    @Override
    public String toString() {
        return name + " (" + data.length + " bytes)";
    }
}
