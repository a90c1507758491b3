package p2plab.common.units;

import java.math.BigDecimal;
import java.util.regex.Matcher;

/**
 * An amount of data as the user types it: {@code 64MiB}, {@code 256KiB}, {@code 1.5GB}, or a bare
 * number of bytes ({@code 1000}). Decimal prefixes (k, M, G, T) are powers of 1000, binary ones
 * (Ki, Mi, Gi, Ti) powers of 1024.
 *
 * @param bytes the amount, >= 0
 */
public record DataSize(long bytes) {

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size must be >= 0 bytes, got " + bytes);
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    /** Reads {@code 64MiB}, {@code 1.5 GB}, {@code 1000}; anything else is an IllegalArgumentException. */
    public static DataSize parse(String text) {
        return new DataSize(parseBytes(text));
    }

    /** Like {@link #parse} but gives the byte count directly. */
    public static long parseBytes(String text) {
        if (text == null) {
            throw unreadable("null");
        }
        Matcher m = Quantity.split(text);
        if (m == null) {
            throw unreadable(text);
        }
        String unit = m.group(2);
        BigDecimal per = unit.isEmpty() ? BigDecimal.ONE : Quantity.bytesPer(unit);
        if (per == null || unit.endsWith("bit")) {
            throw unreadable(text);
        }
        Long bytes = Quantity.toBytes(m.group(1), per);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + text + "' is too large a size; the most is 8 EiB");
        }
        return bytes;
    }

    /** The amount for people, always in binary units: {@code 64 MiB}, {@code 1.4 GiB}, {@code 100 B}. */
    public static String format(long bytes) {
        return Quantity.format(bytes);
    }

    @Override
    public String toString() {
        return Quantity.exact(bytes);
    }

    private static IllegalArgumentException unreadable(String text) {
        return new IllegalArgumentException(
                "cannot read '" + text + "' as a size; write e.g. 64MiB, 1.5GB or 1000 (bytes)");
    }
}
