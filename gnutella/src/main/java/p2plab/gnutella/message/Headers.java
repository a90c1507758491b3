package p2plab.gnutella.message;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import p2plab.common.transport.Utf8;

/**
 * The headers of a handshake, read-only and in the order given: names and values side by side
 * in one array, checked once, with their size on the wire counted as they are checked. A
 * simulated network of a million servents sends six million handshakes while it is wired;
 * a hash map per handshake, and encoding each one to learn its size, was most of that time.
 */
final class Headers extends AbstractMap<String, String> {
    static final Headers NONE = new Headers(new String[0], 0);

    private final String[] namesAndValues;
    /** Bytes of the header lines on the wire ({@code Name: value} CRLF each). */
    private final int wireBytes;

    private Headers(String[] namesAndValues, int wireBytes) {
        this.namesAndValues = namesAndValues;
        this.wireBytes = wireBytes;
    }

    /** Headers from name, value, name, value...; a name given twice keeps its last value, as a map would. */
    static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers come as name, value pairs");
        }
        String[] pairs = namesAndValues.clone();
        int n = 0;
        int bytes = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            String name = pairs[i];
            String value = pairs[i + 1];
            int line = lineBytes(name, value);
            int earlier = indexOf(pairs, n, name);
            if (earlier >= 0) {
                bytes -= lineBytes(pairs[earlier], pairs[earlier + 1]);
                pairs[earlier + 1] = value;
            } else {
                pairs[n] = name;
                pairs[n + 1] = value;
                n += 2;
            }
            bytes += line;
        }
        return n == 0 ? NONE : new Headers(n == pairs.length ? pairs : java.util.Arrays.copyOf(pairs, n), bytes);
    }

    /** {@code headers} as {@link Headers}: itself when it is one already, else a checked copy in its iteration order. */
    static Headers copyOf(Map<String, String> headers) {
        if (headers instanceof Headers h) {
            return h;
        }
        String[] pairs = new String[2 * headers.size()];
        int i = 0;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            pairs[i++] = e.getKey();
            pairs[i++] = e.getValue();
        }
        return of(pairs);
    }

    /** Bytes of the header lines on the wire. */
    int wireBytes() {
        return wireBytes;
    }

    /** The value of a header by case-insensitive name, or null. */
    String valueOf(String name) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(name)) {
                return namesAndValues[i + 1];
            }
        }
        return null;
    }

    /** Checks one header and gives the bytes of its line, {@code Name: value} CRLF. */
    private static int lineBytes(String name, String value) {
        if (name == null || name.isEmpty() || value == null || name.indexOf(':') >= 0 || hasLineBreak(name) || hasLineBreak(value)) {
            throw new IllegalArgumentException("bad header '" + name + ": " + value + "'");
        }
        return Utf8.length(name) + 2 + Utf8.length(value) + 2;
    }

    private static boolean hasLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(String[] pairs, int end, String name) {
        for (int i = 0; i < end; i += 2) {
            if (pairs[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String get(Object key) {
        int i = key instanceof String name ? indexOf(namesAndValues, namesAndValues.length, name) : -1;
        return i < 0 ? null : namesAndValues[i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && indexOf(namesAndValues, namesAndValues.length, name) >= 0;
    }

    @Override
    public int size() {
        return namesAndValues.length / 2;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < namesAndValues.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        next += 2;
                        return new SimpleImmutableEntry<>(namesAndValues[next - 2], namesAndValues[next - 1]);
                    }
                };
            }

            @Override
            public int size() {
                return Headers.this.size();
            }
        };
    }
}
