package p2plab.labs.grading;

/**
 * Removes the hidden graded tests from a lab's test source, for the student edition: a test
 * marked {@code visibility = Visibility.HIDDEN} checks the lab's rules on inputs the students
 * are not meant to tune their code to, so its code must not reach them.
 *
 * <p>Pure text work on one Java source: a hidden test is its annotation block (and the comment
 * right above it) through the closing brace of its method; braces inside strings, character
 * literals and comments do not count.
 */
public final class HiddenTests {
    static final String MARK = "Visibility.HIDDEN";

    private HiddenTests() {
    }

    /** {@code source} without its hidden tests; unchanged when it has none. */
    public static String strip(String source) {
        String s = source;
        for (int at = s.indexOf(MARK); at >= 0; at = s.indexOf(MARK)) {
            int start = blockStart(s, lineStart(s, at));
            int open = bodyStart(s, at);
            if (open < 0) {
                throw new IllegalArgumentException("a hidden test without a method body near: " + snippet(s, at));
            }
            int end = matchingBrace(s, open);
            int after = end + 1;
            if (after < s.length() && s.charAt(after) == '\n') {
                after++;
            }
            // one blank line between the neighbours, not two
            if (start >= 2 && s.charAt(start - 1) == '\n' && s.charAt(start - 2) == '\n' && after < s.length() && s.charAt(after) == '\n') {
                after++;
            }
            s = s.substring(0, start) + s.substring(after);
        }
        return s;
    }

    private static int lineStart(String s, int i) {
        return s.lastIndexOf('\n', i - 1) + 1;
    }

    /** Walks up over the annotations and a comment directly above the method's first line. */
    private static int blockStart(String s, int line) {
        int start = line;
        while (start > 0) {
            int previous = lineStart(s, start - 1);
            String text = s.substring(previous, start).strip();
            if (text.startsWith("@") || text.startsWith("*") || text.startsWith("/**") || text.startsWith("//")) {
                start = previous;
            } else {
                return start;
            }
        }
        return start;
    }

    /** The first '{' after {@code from} that is code, not inside a literal or a comment; or -1. */
    private static int bodyStart(String s, int from) {
        for (int i = from; i < s.length(); i = skip(s, i) + 1) {
            if (s.charAt(i) == '{') {
                return i;
            }
        }
        return -1;
    }

    /** The index of the '}' that closes the '{' at {@code open}. */
    static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i = skip(s, i) + 1) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces after: " + snippet(s, open));
    }

    /**
     * When a string, character literal or comment starts at {@code i}, the index of its last
     * character, so that braces inside it do not count; otherwise {@code i}.
     */
    private static int skip(String s, int i) {
        char c = s.charAt(i);
        if (s.startsWith("\"\"\"", i)) {
            int end = s.indexOf("\"\"\"", i + 3);
            return end < 0 ? s.length() : end + 2;
        }
        if (c == '"' || c == '\'') {
            for (int j = i + 1; j < s.length(); j++) {
                char d = s.charAt(j);
                if (d == '\\') {
                    j++;
                } else if (d == c || d == '\n') {
                    return j;
                }
            }
            return s.length();
        }
        if (s.startsWith("//", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end;
        }
        if (s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? s.length() : end + 1;
        }
        return i;
    }

    private static String snippet(String s, int at) {
        return s.substring(at, Math.min(s.length(), at + 60)).replace('\n', ' ');
    }
}
