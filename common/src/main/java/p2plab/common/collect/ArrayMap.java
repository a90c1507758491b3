package p2plab.common.collect;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A small map in one array of keys and values, in insertion order (a key put again keeps its
 * place, as in a {@link java.util.LinkedHashMap}). Lookups scan the array, so it suits maps of a
 * few dozen entries, held a million times over: a simulated peer's shared files. An empty map
 * holds no array; a full one costs two references an entry, against some fifty bytes an entry
 * plus a table for a {@code LinkedHashMap}. Not thread-safe; null keys and values are not allowed.
 */
public final class ArrayMap<K, V> extends AbstractMap<K, V> {
    private static final Object[] EMPTY = {};

    private Object[] slots = EMPTY; // key, value, key, value...
    private int size;
    private int changes;

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) slots[2 * i + 1];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        int i = indexOf(key);
        if (i >= 0) {
            V old = (V) slots[2 * i + 1];
            slots[2 * i + 1] = value;
            return old;
        }
        if (2 * size == slots.length) {
            slots = Arrays.copyOf(slots, 2 * (size + Math.max(2, size / 2)));
        }
        slots[2 * size] = key;
        slots[2 * size + 1] = value;
        size++;
        changes++;
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        V old = (V) slots[2 * i + 1];
        removeAt(i);
        return old;
    }

    @Override
    public void clear() {
        slots = EMPTY;
        size = 0;
        changes++;
    }

    /** A fresh view each call: {@code AbstractMap} would keep one per map, a million maps over. */
    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<V> iterator() {
                Entries entries = new Entries();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public V next() {
                        return entries.next().getValue();
                    }

                    @Override
                    public void remove() {
                        entries.remove();
                    }
                };
            }
        };
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Entries();
            }
        };
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (slots[2 * i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void removeAt(int i) {
        System.arraycopy(slots, 2 * i + 2, slots, 2 * i, 2 * (size - i - 1));
        size--;
        slots[2 * size] = null;
        slots[2 * size + 1] = null;
        if (size == 0) {
            slots = EMPTY;
        }
        changes++;
    }

    private final class Entries implements Iterator<Map.Entry<K, V>> {
        private int next;
        private int last = -1;
        private int expected = changes;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map.Entry<K, V> next() {
            if (expected != changes) {
                throw new ConcurrentModificationException();
            }
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            return new SimpleImmutableEntry<>((K) slots[2 * last], (V) slots[2 * last + 1]);
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException();
            }
            if (expected != changes) {
                throw new ConcurrentModificationException();
            }
            removeAt(last);
            next = last;
            last = -1;
            expected = changes;
        }
    }
}
