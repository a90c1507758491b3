package p2plab.common.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How names become search words: lower case, split at anything that is not a letter or digit.
 * {@code "Led_Zeppelin - Stairway.mp3"} gives {@code [led, zeppelin, stairway, mp3]}.
 */
public final class Keywords {

    private Keywords() {
    }

    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        int start = -1; // where the current word began, or -1 between words
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(lowerCase(text, start, i));
                start = -1;
            }
        }
        return words;
    }

    /**
     * The words as a 64-bit set: one bit each, chosen by its hash code. A name holds every word of
     * a query only if its mask holds the query's mask, so a search can pass over most names
     * without comparing a letter (but must compare the words of those that pass).
     */
    public static long mask(List<?> words) {
        long mask = 0;
        for (Object w : words) {
            mask |= 1L << ((w.hashCode() * 0x9E3779B9) >>> 26);
        }
        return mask;
    }

    /** {@code text[from, to)} in lower case; a word that is lower case already is cut out as it is. */
    private static String lowerCase(String text, int from, int to) {
        boolean ascii = true;
        boolean lower = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            ascii &= c < 0x80;
            lower &= Character.toLowerCase(c) == c;
        }
        if (lower) {
            return text.substring(from, to);
        }
        if (ascii) { // where String's own lower-casing is Character's, char by char
            return text.substring(from, to).toLowerCase(Locale.ROOT);
        }
        StringBuilder word = new StringBuilder(to - from);
        for (int j = from; j < to; j++) {
            word.append(Character.toLowerCase(text.charAt(j)));
        }
        return word.toString();
    }
}
