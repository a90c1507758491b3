package p2plab.common.overlay;

import java.util.List;
import p2plab.common.content.Keywords;

/**
 * A keyword search. A file matches when every keyword is one of the words of its name,
 * ignoring case ({@link Keywords}).
 *
 * @param text the keywords as typed
 * @param ttl  how far a flooding overlay may forward it; 0 = the overlay's default
 */
public record Query(String text, int ttl) {

    public Query {
        if (text == null || Keywords.of(text).isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one keyword (letters or digits)");
        }
        if (ttl < 0) {
            throw new IllegalArgumentException("--ttl must be >= 0, got " + ttl);
        }
    }

    public static Query of(String text) {
        return new Query(text, 0);
    }

    public List<String> keywords() {
        return Keywords.of(text);
    }

    /** True when every keyword is a word of {@code fileName}. */
    public boolean matches(String fileName) {
        return Keywords.of(fileName).containsAll(keywords());
    }
}
