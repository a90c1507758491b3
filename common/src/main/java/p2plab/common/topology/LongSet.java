package p2plab.common.topology;

import java.util.Arrays;

/**
 * A set of non-negative longs in one array (open addressing, linear probing): the edges a
 * random-regular draw has placed, a few million of them for a million nodes, without a boxed
 * {@code Long} and a hash-map entry each.
 */
final class LongSet {
    private static final long EMPTY = -1;
    private long[] slots;
    private int size;

    LongSet(int expected) {
        slots = new long[Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) * 2)];
        Arrays.fill(slots, EMPTY);
    }

    /** Adds {@code key} (>= 0); false if it was there already. */
    boolean add(long key) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int i = find(key);
        if (slots[i] == key) {
            return false;
        }
        slots[i] = key;
        size++;
        return true;
    }

    boolean contains(long key) {
        return slots[find(key)] == key;
    }

    void remove(long key) {
        int i = find(key);
        if (slots[i] != key) {
            return;
        }
        // Backward-shift deletion: pull later keys of the run into the gap, so lookups need no tombstones.
        int mask = slots.length - 1;
        int gap = i;
        for (int j = (i + 1) & mask; slots[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(slots[j]);
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                slots[gap] = slots[j];
                gap = j;
            }
        }
        slots[gap] = EMPTY;
        size--;
    }

    int size() {
        return size;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int find(long key) {
        int mask = slots.length - 1;
        int i = slot(key);
        while (slots[i] != EMPTY && slots[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & (slots.length - 1);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        size = 0;
        for (long k : old) {
            if (k != EMPTY) {
                add(k);
            }
        }
    }
}
