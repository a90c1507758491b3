package p2plab.bittorrent.storage;

import java.util.BitSet;
import p2plab.common.content.Content;

/**
 * A leecher's store that keeps no bytes: it remembers which pieces were written and serves them
 * from the shared content. Storage writes a piece only after its SHA-1 checked out, so the bytes
 * it would have kept are exactly the content's; this lets a swarm of thousands of peers, or of
 * files of hundreds of megabytes, fit in memory.
 */
public final class HeldPieces implements PieceStore {
    private final Content content;
    private final int pieceLength;
    private final BitSet written = new BitSet();

    public HeldPieces(Content content, int pieceLength) {
        this.content = content;
        this.pieceLength = pieceLength;
    }

    @Override
    public byte[] read(long offset, int length) {
        int first = (int) (offset / pieceLength);
        int last = (int) ((offset + Math.max(length, 1) - 1) / pieceLength);
        for (int p = first; p <= last; p++) {
            if (!written.get(p)) {
                return new byte[length]; // never written: reads as zeros, like an empty file
            }
        }
        return content.read(offset, length);
    }

    @Override
    public void write(long offset, byte[] data) {
        int first = (int) (offset / pieceLength);
        int last = (int) ((offset + Math.max(data.length, 1) - 1) / pieceLength);
        written.set(first, last + 1);
    }

    @Override
    public boolean mayHold(long offset, int length) {
        return written.get((int) (offset / pieceLength));
    }
}
