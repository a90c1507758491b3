package p2plab.napster.index;

import java.util.Arrays;

/** A growable list of ints, for posting lists: 4 bytes an entry instead of a boxed Integer. */
final class IntList {
    private int[] values = new int[4];
    private int size;

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
        if (values.length > 16 && size < values.length / 4) {
            values = Arrays.copyOf(values, Math.max(4, size * 2));
        }
    }
}
