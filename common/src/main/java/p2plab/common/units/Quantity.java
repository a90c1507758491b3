package p2plab.common.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes "number + unit" text such as {@code 1.5MiB} or {@code 800kbit/s}: the shared
 * grammar of {@link DataSize} and {@link DataRate}. Prefixes k, M, G, T are powers of 1000;
 * Ki, Mi, Gi, Ti are powers of 1024. {@code B} is a byte and {@code bit} a bit; a lone lower-case
 * {@code b} is refused because people use it for both.
 */
final class Quantity {

    private static final Pattern SHAPE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)\\s*(\\S*)");
    private static final Pattern PREFIXED = Pattern.compile("(|[kKmMgGtT][iI]?)(B|bit)");

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB"};

    private Quantity() {
    }

    /** The number part of {@code text} and its unit, or null if it is not a number followed by a word. */
    static Matcher split(String text) {
        Matcher m = SHAPE.matcher(text.trim());
        return m.matches() ? m : null;
    }

    /**
     * Bytes per unit for a unit such as {@code MiB} or {@code kbit}; null if not a unit.
     * A bit is 1/8 byte.
     */
    static BigDecimal bytesPer(String unit) {
        Matcher m = PREFIXED.matcher(unit);
        if (!m.matches()) {
            return null;
        }
        BigDecimal factor = prefix(m.group(1));
        return m.group(2).equals("bit") ? factor.divide(BigDecimal.valueOf(8)) : factor;
    }

    private static BigDecimal prefix(String p) {
        if (p.isEmpty()) {
            return BigDecimal.ONE;
        }
        int power = "kmgt".indexOf(Character.toLowerCase(p.charAt(0))) + 1;
        long base = p.length() == 2 ? 1024 : 1000;
        return BigDecimal.valueOf(base).pow(power);
    }

    /** {@code number * bytesPerUnit} rounded to whole bytes; null if it does not fit a long. */
    static Long toBytes(String number, BigDecimal bytesPerUnit) {
        BigDecimal bytes = new BigDecimal(number).multiply(bytesPerUnit).setScale(0, RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return null;
        }
        return bytes.longValueExact();
    }

    /**
     * A byte count for people: in the largest binary unit it reaches (B, KiB, MiB, GiB, TiB), with
     * at most two decimals. Always binary, so sizes and rates in one column compare at a glance:
     * 1572864 gives "1.5 MiB", 1000 gives "1000 B", 12345 gives "12.06 KiB", 10000000 gives "9.54 MiB".
     */
    static String format(long bytes) {
        return format(bytes, 1024, BINARY);
    }

    /**
     * The value as the user could have typed it, so that it reads back to the same byte count:
     * binary when that is exact, else decimal when that is exact (10 MB), else whole bytes.
     */
    static String exact(long bytes) {
        if (isExact(bytes, 1024)) {
            return format(bytes, 1024, BINARY);
        }
        if (isExact(bytes, 1000)) {
            return format(bytes, 1000, DECIMAL);
        }
        return bytes + " B";
    }

    private static boolean isExact(long bytes, long base) {
        BigDecimal unit = BigDecimal.valueOf(base).pow(power(bytes, base));
        return mantissa(bytes, base).multiply(unit).compareTo(BigDecimal.valueOf(bytes)) == 0;
    }

    private static int power(long bytes, long base) {
        int power = 0;
        BigDecimal unit = BigDecimal.ONE;
        BigDecimal b = BigDecimal.valueOf(bytes);
        while (power + 1 < BINARY.length && b.compareTo(unit.multiply(BigDecimal.valueOf(base))) >= 0) {
            unit = unit.multiply(BigDecimal.valueOf(base));
            power++;
        }
        return power;
    }

    private static BigDecimal mantissa(long bytes, long base) {
        BigDecimal unit = BigDecimal.valueOf(base).pow(power(bytes, base));
        return BigDecimal.valueOf(bytes).divide(unit, 2, RoundingMode.HALF_UP);
    }

    private static String format(long bytes, long base, String[] units) {
        BigDecimal m = mantissa(bytes, base).stripTrailingZeros();
        return m.toPlainString() + " " + units[power(bytes, base)];
    }
}
