package p2plab.napster.index;

import java.util.Arrays;

/**
 * A growable sorted list of ints, for posting lists: 4 bytes an entry instead of a boxed
 * Integer. A long list may also keep a bitset of its values, so that "is id in this list?"
 * costs one bit test instead of a search.
 */
final class IntList {
    private int[] values = new int[4];
    private int size;
    private long[] bits; // null until asked for; then kept in step with add()

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }

    int last() {
        return values[size - 1];
    }

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1) + 1);
        }
        values[size++] = v;
        if (bits != null) {
            setBit(v);
        }
    }

    /** Keeps a bitset of the values from now on (worth it for a list holding many of the ids). */
    void indexBits() {
        if (bits == null) {
            bits = new long[size == 0 ? 1 : (last() >>> 6) + 1];
            for (int i = 0; i < size; i++) {
                setBit(values[i]);
            }
        }
    }

    boolean hasBits() {
        return bits != null;
    }

    /** True if {@code v} is in the list; needs {@link #indexBits()} first. */
    boolean containsBit(int v) {
        int word = v >>> 6;
        return word < bits.length && (bits[word] & (1L << v)) != 0;
    }

    private void setBit(int v) {
        int word = v >>> 6;
        if (word >= bits.length) {
            bits = Arrays.copyOf(bits, Math.max(word + 1, bits.length * 2));
        }
        bits[word] |= 1L << v;
    }

    void removeAt(int i) {
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
    }

    /**
     * The first index at or after {@code from} whose value is {@code >= v}, in a list sorted
     * ascending; {@link #size()} if there is none. Gallops, so walking a long list in step with a
     * short one costs little.
     */
    int seek(int from, int v) {
        int step = 1;
        int lo = from;
        int hi = from;
        while (hi < size && values[hi] < v) {
            lo = hi + 1;
            hi += step;
            step <<= 1;
        }
        hi = Math.min(hi, size);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Keeps only the values with {@code newIds[v] >= 0}, renamed to {@code newIds[v]}. */
    void remap(int[] newIds) {
        int w = 0;
        for (int r = 0; r < size; r++) {
            int id = newIds[values[r]];
            if (id >= 0) {
                values[w++] = id;
            }
        }
        size = w;
        bits = null; // the numbers changed; rebuilt when next needed
        if (values.length > 16 && size < values.length / 4) {
            values = Arrays.copyOf(values, Math.max(4, size * 2));
        }
    }
}
