package p2plab.streaming.media;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * A set that holds at most {@code capacity} keys and forgets the least recently used one to
 * make room: a local track cache (keys are tracks) or an edge's chunk cache (keys are chunks).
 */
public final class LruSet<K> {
    private final int capacity;
    private final LinkedHashMap<K, Boolean> keys = new LinkedHashMap<>(16, 0.75f, true);
    private long evictions;

    public LruSet(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** True if {@code key} is held; counts as a use. */
    public boolean touch(K key) {
        return keys.get(key) != null;
    }

    /** True if {@code key} is held; not a use. */
    public boolean contains(K key) {
        return keys.containsKey(key);
    }

    /** Holds {@code key} as the most recently used; returns the key evicted for it, or null. */
    public K add(K key) {
        if (capacity == 0) {
            return key;
        }
        if (keys.put(key, Boolean.TRUE) != null || keys.size() <= capacity) {
            return null;
        }
        Iterator<K> oldest = keys.keySet().iterator();
        K evicted = oldest.next();
        oldest.remove();
        evictions++;
        return evicted;
    }

    /** The keys, least recently used first. */
    public java.util.List<K> keys() {
        return new java.util.ArrayList<>(keys.keySet());
    }

    public int size() {
        return keys.size();
    }

    public int capacity() {
        return capacity;
    }

    public long evictions() {
        return evictions;
    }
}
