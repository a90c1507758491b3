package p2plab.common.units;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A transfer rate as the user types it: {@code 10MB/s}, {@code 1.5MiB/s}, {@code 800kbit/s},
 * {@code 8Mbps} (bits), a bare number of bytes per second, or {@code unlimited} / {@code 0}.
 * Rates are kept in bytes per second because that is what {@link p2plab.common.overlay.PeerSpec}
 * and the transports take; 0 means unlimited there too.
 *
 * @param bytesPerSecond the rate; 0 = unlimited
 */
public record DataRate(long bytesPerSecond) {

    public static final DataRate UNLIMITED = new DataRate(0);

    public DataRate {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("a rate must be >= 0 bytes per second (0 = unlimited), got " + bytesPerSecond);
        }
    }

    public static DataRate ofBytesPerSecond(long bytesPerSecond) {
        return new DataRate(bytesPerSecond);
    }

    public static DataRate parse(String text) {
        return new DataRate(parseBytesPerSecond(text));
    }

    /** Like {@link #parse} but gives bytes per second directly (0 = unlimited). */
    public static long parseBytesPerSecond(String text) {
        if (text == null) {
            throw unreadable("null");
        }
        String t = text.trim();
        if (t.toLowerCase(Locale.ROOT).equals("unlimited")) {
            return 0;
        }
        Matcher m = Quantity.split(t);
        if (m == null) {
            throw unreadable(text);
        }
        BigDecimal per = bytesPerUnit(m.group(2));
        if (per == null) {
            throw unreadable(text);
        }
        Long rate = Quantity.toBytes(m.group(1), per);
        if (rate == null) {
            throw new IllegalArgumentException("'" + text + "' is too large a rate; write 'unlimited' for no limit");
        }
        if (rate == 0 && new BigDecimal(m.group(1)).signum() != 0) {
            // Rounding a tiny rate to 0 would silently mean "unlimited".
            throw new IllegalArgumentException("'" + text + "' is less than 1 byte per second; write at least 1B/s, or 'unlimited'");
        }
        return rate;
    }

    /** Bytes per second for a rate unit: {@code MB/s}, {@code kbit/s}, {@code Mbps}, or none (bytes/s). */
    private static BigDecimal bytesPerUnit(String unit) {
        if (unit.isEmpty()) {
            return BigDecimal.ONE;
        }
        if (unit.endsWith("/s")) {
            return Quantity.bytesPer(unit.substring(0, unit.length() - 2));
        }
        if (unit.endsWith("bps")) {
            return Quantity.bytesPer(unit.substring(0, unit.length() - 3) + "bit");
        }
        return null;
    }

    public boolean isUnlimited() {
        return bytesPerSecond == 0;
    }

    /** The rate for people, always in binary units: {@code 1.5 MiB/s}, {@code 9.54 MiB/s}, {@code unlimited}. */
    public static String format(long bytesPerSecond) {
        return bytesPerSecond == 0 ? "unlimited" : Quantity.format(bytesPerSecond) + "/s";
    }

    @Override
    public String toString() {
        return bytesPerSecond == 0 ? "unlimited" : Quantity.exact(bytesPerSecond) + "/s";
    }

    private static IllegalArgumentException unreadable(String text) {
        return new IllegalArgumentException(
                "cannot read '" + text + "' as a rate; write e.g. 10MB/s or 800kbit/s");
    }
}
