package p2plab.bittorrent.peer;

import java.util.Arrays;
import java.util.BitSet;
import p2plab.bittorrent.wire.UtMetadata;
import p2plab.common.content.Digests;

/**
 * The info dictionary of a torrent being assembled from {@code ut_metadata} pieces (BEP 9). It
 * takes only pieces of the right length, and the whole is accepted only when its SHA-1 is the
 * info hash. Its size comes from a peer, so it is checked against {@link #MAX_SIZE} before
 * anything is allocated.
 */
public final class MetadataPieces {
    /**
     * Largest info dictionary we fetch: 8 MiB is 400,000 piece hashes (a 100 GiB torrent of
     * 256 KiB pieces); a peer claiming more is not believed.
     */
    public static final long MAX_SIZE = 8L << 20;

    private final byte[] bytes;
    private final BitSet received = new BitSet();
    private final int count;

    /**
     * @throws IllegalArgumentException when {@code size} is not positive or above {@link #MAX_SIZE}
     */
    public MetadataPieces(long size) {
        if (size <= 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("metadata_size " + size + " is " + (size <= 0 ? "not positive"
                    : "above the limit of " + MAX_SIZE + " bytes") + "; the peer's metadata is not used");
        }
        this.bytes = new byte[(int) size];
        this.count = (int) ((size + UtMetadata.PIECE - 1) / UtMetadata.PIECE);
    }

    public int size() {
        return bytes.length;
    }

    /** Pieces the metadata is split into. */
    public int count() {
        return count;
    }

    /** Bytes of piece {@code piece}: 16 KiB, the last one less. */
    public static int pieceLength(long size, int piece) {
        return (int) Math.min(UtMetadata.PIECE, size - (long) piece * UtMetadata.PIECE);
    }

    /**
     * Stores one piece.
     *
     * @throws IllegalArgumentException when the piece is out of range or of the wrong length
     */
    public void put(int piece, byte[] data) {
        if (piece < 0 || piece >= count) {
            throw new IllegalArgumentException("metadata piece " + piece + " is out of range (0.." + (count - 1) + ")");
        }
        int expected = pieceLength(bytes.length, piece);
        if (data.length != expected) {
            throw new IllegalArgumentException("metadata piece " + piece + " has " + data.length + " bytes, expected " + expected);
        }
        System.arraycopy(data, 0, bytes, piece * UtMetadata.PIECE, data.length);
        received.set(piece);
    }

    public boolean has(int piece) {
        return received.get(piece);
    }

    public boolean complete() {
        return received.cardinality() == count;
    }

    /** True when every piece is in and the SHA-1 of the whole is {@code infoHash}. */
    public boolean matches(byte[] infoHash) {
        return complete() && Arrays.equals(Digests.sha1(bytes), infoHash);
    }

    /** The assembled info dictionary. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Our answer to a request for piece {@code piece} of {@code info}: the piece, or a reject when there is no such piece. */
    public static UtMetadata answer(byte[] info, int piece) {
        long start = (long) piece * UtMetadata.PIECE;
        if (piece < 0 || start >= info.length) {
            return new UtMetadata.Reject(piece);
        }
        return new UtMetadata.Data(piece, info.length, Arrays.copyOfRange(info, (int) start, (int) start + pieceLength(info.length, piece)));
    }
}
