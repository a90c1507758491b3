package p2plab.common.units;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of time as typed by users: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 2m},
 * {@code 1h}; a bare number is seconds.
 */
public final class TimeSpan {
    private static final Pattern SHAPE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)\\s*(ms|s|m|h|)");

    private TimeSpan() {
    }

    /** @throws IllegalArgumentException with a message saying what is accepted */
    public static Duration parse(String text) {
        Matcher m = SHAPE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write it like 500ms, 10s, 1.5s, 2m or 1h");
        }
        double millisPerUnit = switch (m.group(2)) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1_000;
        };
        double millis = Double.parseDouble(m.group(1)) * millisPerUnit;
        if (millis > Long.MAX_VALUE / 1_000_000.0) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration; the longest is 2562047h (292 years)");
        }
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /** {@code 250 ms}, {@code 1.5 s}, {@code 2 min 5 s}: short and exact enough to read. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%s s", trim(ms / 1000.0));
        }
        long s = Math.round(ms / 1000.0);
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    private static String trim(double seconds) {
        String t = String.format(Locale.ROOT, "%.3f", seconds);
        return t.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
