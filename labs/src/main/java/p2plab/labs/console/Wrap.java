package p2plab.labs.console;

import java.util.ArrayList;
import java.util.List;

/** Words laid out in lines no wider than the terminal, for lists such as peer ids. */
public final class Wrap {
    private Wrap() {
    }

    /**
     * {@code words} separated by one space, broken into lines of at most {@code width}
     * characters; every line starts with {@code indent}. A word longer than a line gets a line of
     * its own.
     */
    public static List<String> lines(List<String> words, int width, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (String w : words) {
            if (line.length() > indent.length() && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > indent.length()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
