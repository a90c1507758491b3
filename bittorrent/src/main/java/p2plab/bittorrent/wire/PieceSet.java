package p2plab.bittorrent.wire;

import java.util.BitSet;

/** Which pieces of a torrent a peer has; converts to and from the wire's bitfield bytes. */
public final class PieceSet {
    private final int size;
    private final BitSet bits;

    public PieceSet(int size) {
        this.size = size;
        this.bits = new BitSet(size);
    }

    public static PieceSet full(int size) {
        PieceSet s = new PieceSet(size);
        s.bits.set(0, size);
        return s;
    }

    /** From a bitfield message; spare bits at the end must be zero (BEP 3). */
    public static PieceSet fromWire(byte[] bytes, int size) {
        if (bytes.length != (size + 7) / 8) {
            throw new IllegalArgumentException("bitfield of " + bytes.length + " bytes for " + size + " pieces");
        }
        PieceSet s = new PieceSet(size);
        for (int i = 0; i < bytes.length * 8; i++) {
            if ((bytes[i >> 3] & (0x80 >>> (i & 7))) != 0) {
                if (i >= size) {
                    throw new IllegalArgumentException("bitfield sets spare bit " + i + " beyond " + size + " pieces");
                }
                s.bits.set(i);
            }
        }
        return s;
    }

    public byte[] toWire() {
        byte[] out = new byte[(size + 7) / 8];
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            out[i >> 3] |= (byte) (0x80 >>> (i & 7));
        }
        return out;
    }

    public int size() {
        return size;
    }

    public boolean has(int index) {
        return bits.get(index);
    }

    public void add(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + size);
        }
        bits.set(index);
    }

    public void remove(int index) {
        bits.clear(index);
    }

    public int count() {
        return bits.cardinality();
    }

    public boolean complete() {
        return count() == size;
    }

    /** First index set at or after {@code from}, or -1. */
    public int next(int from) {
        return from >= size ? -1 : bits.nextSetBit(from);
    }

    @Override
    public String toString() {
        return count() + "/" + size;
    }
}
