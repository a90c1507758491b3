package p2plab.streaming.media;

import java.util.Arrays;

/**
 * {@link LruSet} for non-negative int keys (track numbers), without boxing: a listener's
 * track cache, asked at every search a neighbour floods past it. The keys sit in one int
 * array, an open-addressing hash table (linear probing, at most half full), so a lookup reads
 * a cache line or two instead of a chain of map entries and boxed Integers; the use order is a
 * doubly linked list threaded through two more int arrays by table slot. Same answers and same
 * eviction order as {@code LruSet<Integer>}.
 */
public final class IntLruSet {
    /** What {@link #add} returns when nothing was evicted. */
    public static final int NONE = -1;
    private static final int EMPTY = -1;
    private static final int NO_SLOT = -1;
    private static final int FIRST_TABLE = 16;

    private final int capacity;
    /** The hash table: a key per slot, or {@link #EMPTY}. */
    private int[] keys;
    /** Per slot, the slot of the key used just before it, or {@link #NO_SLOT}. */
    private int[] older;
    /** Per slot, the slot of the key used just after it, or {@link #NO_SLOT}. */
    private int[] newer;
    private int shift;
    private int eldest = NO_SLOT;
    private int youngest = NO_SLOT;
    private int size;
    private long evictions;

    public IntLruSet(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
        allocate(FIRST_TABLE); // grows as keys come, so a large capacity costs nothing until filled
    }

    /** True if {@code key} is held; counts as a use. */
    public boolean touch(int key) {
        int slot = find(key);
        if (slot == NO_SLOT) {
            return false;
        }
        makeYoungest(slot);
        return true;
    }

    /** True if {@code key} is held; not a use. */
    public boolean contains(int key) {
        return find(key) != NO_SLOT;
    }

    /**
     * Holds {@code key} as the most recently used; returns the key evicted for it, or
     * {@link #NONE} (a set of capacity 0 keeps nothing and returns {@code key} itself).
     */
    public int add(int key) {
        if (key < 0) {
            throw new IllegalArgumentException("keys are >= 0, got " + key);
        }
        if (capacity == 0) {
            return key;
        }
        int slot = find(key);
        if (slot != NO_SLOT) {
            makeYoungest(slot);
            return NONE;
        }
        int evicted = NONE;
        if (size == capacity) {
            evicted = keys[eldest];
            remove(eldest);
            evictions++;
        } else if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(key);
        return evicted;
    }

    /** The keys, least recently used first. */
    public int[] keys() {
        int[] out = new int[size];
        int i = 0;
        for (int s = eldest; s != NO_SLOT; s = newer[s]) {
            out[i++] = keys[s];
        }
        return out;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public long evictions() {
        return evictions;
    }

    // ---- the hash table ----

    private void allocate(int slots) {
        keys = new int[slots];
        Arrays.fill(keys, EMPTY);
        older = new int[slots];
        newer = new int[slots];
        shift = Integer.numberOfLeadingZeros(slots) + 1;
    }

    /** Where {@code key}'s probe starts: Fibonacci hashing, so neighbouring tracks spread out. */
    private int home(int key) {
        return (key * 0x9E3779B9) >>> shift;
    }

    private int find(int key) {
        if (key < 0) {
            return NO_SLOT;
        }
        int mask = keys.length - 1;
        for (int s = home(key); ; s = (s + 1) & mask) {
            int k = keys[s];
            if (k == key) {
                return s;
            }
            if (k == EMPTY) {
                return NO_SLOT;
            }
        }
    }

    private void insert(int key) {
        int mask = keys.length - 1;
        int s = home(key);
        while (keys[s] != EMPTY) {
            s = (s + 1) & mask;
        }
        keys[s] = key;
        linkYoungest(s);
        size++;
    }

    /** Frees {@code slot} and shifts later keys of its probe run back, so no lookup stops short (no tombstones). */
    private void remove(int slot) {
        unlink(slot);
        keys[slot] = EMPTY;
        size--;
        int mask = keys.length - 1;
        int hole = slot;
        for (int s = (hole + 1) & mask; keys[s] != EMPTY; s = (s + 1) & mask) {
            int distanceFromHome = (s - home(keys[s])) & mask;
            if (distanceFromHome >= ((s - hole) & mask)) { // its home is at or before the hole: it may fill it
                move(s, hole);
                hole = s;
            }
        }
    }

    /** Moves the key in slot {@code from} to the empty slot {@code to}, keeping its place in the use order. */
    private void move(int from, int to) {
        keys[to] = keys[from];
        keys[from] = EMPTY;
        int o = older[from];
        int n = newer[from];
        join(o, to);
        join(to, n);
    }

    /** Twice the slots; the keys go back in, in their use order. */
    private void grow() {
        int[] inOrder = keys();
        allocate(keys.length * 2);
        eldest = NO_SLOT;
        youngest = NO_SLOT;
        size = 0;
        for (int k : inOrder) {
            insert(k);
        }
    }

    // ---- the use order ----

    private void makeYoungest(int slot) {
        if (slot != youngest) {
            unlink(slot);
            linkYoungest(slot);
        }
    }

    private void linkYoungest(int slot) {
        join(youngest, slot);
        join(slot, NO_SLOT);
    }

    private void unlink(int slot) {
        join(older[slot], newer[slot]);
    }

    /** Makes {@code before} and {@code after} neighbours in the use order ({@link #NO_SLOT}: the end of the list). */
    private void join(int before, int after) {
        if (before == NO_SLOT) {
            eldest = after;
        } else {
            newer[before] = after;
        }
        if (after == NO_SLOT) {
            youngest = before;
        } else {
            older[after] = before;
        }
    }
}
