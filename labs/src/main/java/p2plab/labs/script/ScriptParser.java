package p2plab.labs.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits script text into commands: one per line or per {@code ;}, words separated by blanks,
 * {@code '...'} and {@code "..."} quote (backslash escapes inside double quotes), {@code #}
 * starts a comment. Pure text work, so {@code -c "a; b"}, {@code run FILE} and the interactive
 * line all read commands the same way.
 */
public final class ScriptParser {

    /** One command of a script: its words and the line it started on. */
    public record Line(int number, List<String> words) {

        public String text() {
            return String.join(" ", words);
        }
    }

    private ScriptParser() {
    }

    public static List<Line> parse(String text) {
        List<Line> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int line = 1;
        int startLine = 1;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                if (word == null) {
                    word = new StringBuilder();
                }
            } else if (c == '#' && word == null) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '\n' || c == ';' || c == '\r') {
                word = flush(words, word);
                if (!words.isEmpty()) {
                    out.add(new Line(startLine, List.copyOf(words)));
                    words.clear();
                }
                if (c == '\n') {
                    line++;
                }
                startLine = line;
            } else if (Character.isWhitespace(c)) {
                word = flush(words, word);
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("line " + startLine + ": a " + quote + " quote is not closed; close it or remove it");
        }
        flush(words, word);
        if (!words.isEmpty()) {
            out.add(new Line(startLine, List.copyOf(words)));
        }
        return out;
    }

    private static StringBuilder flush(List<String> words, StringBuilder word) {
        if (word != null) {
            words.add(word.toString());
        }
        return null;
    }
}
