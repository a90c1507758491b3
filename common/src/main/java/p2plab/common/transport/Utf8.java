package p2plab.common.transport;

/** Sizes of text on the wire, counted without encoding it: a codec's {@code sizeOf} needs them for every simulated message. */
public final class Utf8 {

    private Utf8() {
    }

    /** Bytes of {@code s} in UTF-8, as {@link String#getBytes} would give them. */
    public static int length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1; // an unpaired surrogate is written as '?'
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Characters of {@code v} in decimal, sign included, as {@link Long#toString(long)} writes it (all ASCII), without making the string. */
    public static int decimalLength(long v) {
        if (v == Long.MIN_VALUE) {
            return 20;
        }
        int n = v < 0 ? 2 : 1;
        for (long a = Math.abs(v); a >= 10; a /= 10) {
            n++;
        }
        return n;
    }
}
