package p2plab.bittorrent.storage;

import p2plab.common.content.Content;

/** A seed's bytes read straight from shared {@link Content}: no copy, read-only. */
public final class ContentStore implements PieceStore {
    private final Content content;

    public ContentStore(Content content) {
        this.content = content;
    }

    @Override
    public byte[] read(long offset, int length) {
        return content.read(offset, length);
    }

    @Override
    public void write(long offset, byte[] data) {
        throw new UnsupportedOperationException("a seed's content is read-only");
    }
}
