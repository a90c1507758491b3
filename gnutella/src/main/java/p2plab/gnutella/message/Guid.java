package p2plab.gnutella.message;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A descriptor's 16-byte globally unique id. Byte 8 is 0xFF (a "modern" servent) and byte 15
 * is 0, as Gnutella 0.6 asks. Held as two longs so that seen-tables can hash it cheaply; it is
 * also the trace key that ties a query's messages to its search.
 */
public final class Guid {
    public static final int BYTES = 16;

    private final long high;
    private final long low;

    private Guid(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** A fresh GUID from the servent's seeded randomness. */
    public static Guid random(RandomGenerator random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        b[8] = (byte) 0xFF;
        b[15] = 0;
        return of(b);
    }

    public static Guid of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a GUID is 16 bytes, got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Guid(b.getLong(), b.getLong());
    }

    /** Reads 16 bytes at the buffer's position (in wire order, so byte order does not matter). */
    static Guid read(ByteBuffer in) {
        byte[] b = new byte[BYTES];
        in.get(b);
        return of(b);
    }

    void write(ByteBuffer out) {
        out.put(bytes());
    }

    public byte[] bytes() {
        return ByteBuffer.allocate(BYTES).putLong(high).putLong(low).array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Guid g && g.high == high && g.low == low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 31 + low);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes());
    }
}
