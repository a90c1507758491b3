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
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
