package p2plab.napster.peer;

import java.util.Arrays;
import p2plab.common.content.Content;
import p2plab.common.content.ContentId;

/** A downloaded file kept in memory, already verified against its id (so not hashed again). */
final class ReceivedContent implements Content {
    private final String name;
    private final ContentId id;
    private final byte[] data;

    ReceivedContent(String name, ContentId id, byte[] data) {
        this.name = name;
        this.id = id;
        this.data = data;
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
}
