package p2plab.common.content;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Content cut into fixed-length pieces, the last one possibly shorter, as BitTorrent does; with
 * each piece hashed by SHA-1 (what a .torrent's {@code pieces} field holds) or SHA-256.
 */
public final class Pieces {

    private Pieces() {
    }

    /** How many pieces {@code size} bytes make; 0 for empty content. */
    public static int count(long size, int pieceLength) {
        check(size, pieceLength);
        long n = (size + pieceLength - 1) / pieceLength;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("content of " + size + " bytes makes too many pieces of " + pieceLength
                    + " bytes; use a larger piece length");
        }
        return (int) n;
    }

    /** Length of the last piece: {@code pieceLength} when it divides the size; 0 for empty content. */
    public static int lastLength(long size, int pieceLength) {
        check(size, pieceLength);
        if (size == 0) {
            return 0;
        }
        int rest = (int) (size % pieceLength);
        return rest == 0 ? pieceLength : rest;
    }

    /** Length of piece {@code index}. */
    public static int length(long size, int pieceLength, int index) {
        int count = count(size, pieceLength);
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + count);
        }
        return index == count - 1 ? lastLength(size, pieceLength) : pieceLength;
    }

    /** SHA-1 of each piece, 20 bytes each, in order. */
    public static List<byte[]> sha1(Content content, int pieceLength) {
        return hashes(content, pieceLength, "SHA-1");
    }

    /** SHA-256 of each piece, 32 bytes each, in order. */
    public static List<byte[]> sha256(Content content, int pieceLength) {
        return hashes(content, pieceLength, "SHA-256");
    }

    /** The SHA-1 hashes one after another: the {@code pieces} string of a .torrent's info dictionary. */
    public static byte[] concatenatedSha1(Content content, int pieceLength) {
        List<byte[]> hashes = sha1(content, pieceLength);
        byte[] out = new byte[hashes.size() * 20];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, out, i * 20, 20);
        }
        return out;
    }

    private static List<byte[]> hashes(Content content, int pieceLength, String algorithm) {
        long size = content.size();
        int count = count(size, pieceLength);
        MessageDigest digest = algorithm.equals("SHA-1") ? Digests.sha1() : Digests.sha256();
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(digest.digest(content.read((long) i * pieceLength, length(size, pieceLength, i))));
        }
        return out;
    }

    private static void check(long size, int pieceLength) {
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length must be > 0, got " + pieceLength);
        }
        if (size < 0) {
            throw new IllegalArgumentException("content size must be >= 0, got " + size);
        }
    }
}
