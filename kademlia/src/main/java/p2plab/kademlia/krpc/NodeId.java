package p2plab.kademlia.krpc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A 160-bit identifier: a node's id or a key (an info hash, a keyword's SHA-1). Kademlia measures
 * how far two ids are apart by XOR, read as an unsigned number: the longer the common prefix,
 * the closer. Immutable.
 */
public final class NodeId implements Comparable<NodeId> {
    public static final int BYTES = 20;
    public static final int BITS = 160;

    private final byte[] bytes;

    private NodeId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The id with these 20 bytes (copied). */
    public static NodeId of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("an id has 20 bytes, got " + bytes.length);
        }
        return new NodeId(bytes.clone());
    }

    /** Parses 40 hex digits. */
    public static NodeId ofHex(String hex) {
        if (hex.length() != 2 * BYTES) {
            throw new IllegalArgumentException("an id is 40 hex digits, got " + hex.length() + " characters: " + hex);
        }
        return new NodeId(HexFormat.of().parseHex(hex));
    }

    /** The key of a text (a keyword, a file name): SHA-1 of its UTF-8 bytes, as eMule's Kad keys keywords. */
    public static NodeId sha1(String text) {
        return sha1(text.getBytes(StandardCharsets.UTF_8));
    }

    public static NodeId sha1(byte[] data) {
        try {
            return new NodeId(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    public static NodeId random(RandomGenerator random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return new NodeId(b);
    }

    /** A random id whose first {@code prefixBits} bits equal this id's and whose next bit differs (a bucket's range). */
    public NodeId randomWithPrefix(int prefixBits, RandomGenerator random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        for (int i = 0; i < prefixBits; i++) {
            setBit(b, i, bit(i));
        }
        if (prefixBits < BITS) {
            setBit(b, prefixBits, !bit(prefixBits));
        }
        return new NodeId(b);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Byte {@code i}, 0..19, without copying. */
    public int byteAt(int i) {
        return bytes[i] & 0xff;
    }

    /** Bit {@code i}, counted from the most significant (0) to the least (159). */
    public boolean bit(int i) {
        return (bytes[i >> 3] & (0x80 >> (i & 7))) != 0;
    }

    private static void setBit(byte[] b, int i, boolean on) {
        if (on) {
            b[i >> 3] |= (byte) (0x80 >> (i & 7));
        } else {
            b[i >> 3] &= (byte) ~(0x80 >> (i & 7));
        }
    }

    /** How many leading bits this id shares with {@code other} (160 when equal). */
    public int commonPrefix(NodeId other) {
        for (int i = 0; i < BYTES; i++) {
            int x = (bytes[i] ^ other.bytes[i]) & 0xff;
            if (x != 0) {
                return i * 8 + Integer.numberOfLeadingZeros(x) - 24;
            }
        }
        return BITS;
    }

    /**
     * The XOR distance's bit length, log2 of the distance rounded up to a whole bit: 0 when the
     * ids are equal, 160 when they differ in the first bit. A lookup's progress in one number.
     */
    public int distanceBits(NodeId other) {
        return BITS - commonPrefix(other);
    }

    /** log2 of the XOR distance, to a fraction of a bit (-infinity when equal): finer than {@link #distanceBits} for display. */
    public double log2Distance(NodeId other) {
        BigInteger d = distance(other);
        if (d.signum() == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        int shift = Math.max(0, d.bitLength() - 53);
        return Math.log(d.shiftRight(shift).doubleValue()) / Math.log(2) + shift;
    }

    /** The XOR distance as a number (for teaching output; comparisons use {@link #closer}). */
    public BigInteger distance(NodeId other) {
        byte[] x = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            x[i] = (byte) (bytes[i] ^ other.bytes[i]);
        }
        return new BigInteger(1, x);
    }

    /** Negative when {@code a} is closer to this id than {@code b}, 0 when equally close (a == b), positive otherwise. */
    public int closer(NodeId a, NodeId b) {
        for (int i = 0; i < BYTES; i++) {
            int da = (a.bytes[i] ^ bytes[i]) & 0xff;
            int db = (b.bytes[i] ^ bytes[i]) & 0xff;
            if (da != db) {
                return Integer.compare(da, db);
            }
        }
        return 0;
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    /** The first 8 hex digits, enough to tell ids apart on a screen. */
    public String shortHex() {
        return hex().substring(0, 8);
    }

    @Override
    public int compareTo(NodeId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeId n && Arrays.equals(bytes, n.bytes);
    }

    @Override
    public int hashCode() {
        return (bytes[0] << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    }

    @Override
    public String toString() {
        return hex();
    }
}
