package p2plab.gnutella.servent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import p2plab.common.transport.Address;
import p2plab.gnutella.message.Pong;

/**
 * Servents this one has heard of (from Pongs and X-Try headers), newest last, at most
 * {@link ServentConfig#PONG_CACHE_SIZE}. It answers Pings from here and reconnects from here.
 *
 * <p>Plain arrays searched from end to end: a cache holds a few dozen pongs at most, and a
 * simulation holds a million caches, so no hash table and no object per entry. Most entries are
 * hosts known only by address (a neighbour, an X-Try entry): those are kept as a number, the
 * address packed by {@link PackedAddress}, and become {@code Pong(address, 0, 0)} when read.
 * A Pong that shares files, or an address written some other way than {@code a.b.c.d}, keeps
 * its object beside the number.
 */
final class PongCache {
    private static final long[] NONE = {};

    private final int capacity;
    /** Oldest first: each entry's packed address, or {@link PackedAddress#UNPACKED} when only its object says it. */
    private long[] packed = NONE;
    /** Each entry's Pong or Address where the number alone does not say it; null until one needs it. */
    private Object[] objects;
    private int size;

    PongCache(int capacity) {
        this.capacity = capacity;
    }

    void add(Pong pong) {
        Address a = pong.address();
        put(a, pong.files() == 0 && pong.kilobytes() == 0 ? a : pong);
    }

    /** A host known only by its address: {@code add(new Pong(address, 0, 0))} without making the Pong. */
    void add(Address address) {
        long key = PackedAddress.of(address);
        if (key == PackedAddress.UNPACKED && !address.isIpv4()) { // a packed one is IPv4: no second parse
            throw new IllegalArgumentException("not an IPv4 address: " + address.host()); // as the Pong would
        }
        put(key, address, key == PackedAddress.UNPACKED ? address : null);
    }

    /** A host known only by its address, given as {@link PackedAddress} packs it (never {@link PackedAddress#UNPACKED}). */
    void addPacked(long address) {
        put(address, null, null);
    }

    /** Puts {@code entry} (a Pong, or {@code address} itself) as the newest, in place of an older entry for the same address. */
    private void put(Address address, Object entry) {
        long key = PackedAddress.of(address);
        put(key, address, entry == address && key != PackedAddress.UNPACKED ? null : entry);
    }

    /** Puts the entry for {@code key} (and {@code address}, needed only when unpacked) as the newest; {@code object} null for a plain packed address. */
    private void put(long key, Address address, Object object) {
        remove(indexOf(address, key)); // re-inserted as the newest
        if (size == capacity) {
            remove(0);
        }
        if (size == packed.length) {
            int grown = Math.min(capacity, Math.max(4, 2 * size));
            packed = Arrays.copyOf(packed, grown);
            if (objects != null) {
                objects = Arrays.copyOf(objects, grown);
            }
        }
        if (object != null && objects == null) {
            objects = new Object[packed.length];
        }
        packed[size] = key;
        if (objects != null) {
            objects[size] = object;
        }
        size++;
    }

    void forget(Address address) {
        remove(indexOf(address, PackedAddress.of(address)));
    }

    private int indexOf(Address address, long key) {
        if (key != PackedAddress.UNPACKED) {
            for (int i = 0; i < size; i++) {
                if (packed[i] == key) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = 0; i < size; i++) {
            if (packed[i] == PackedAddress.UNPACKED && address(i).equals(address)) {
                return i;
            }
        }
        return -1;
    }

    private void remove(int i) {
        if (i < 0) {
            return;
        }
        System.arraycopy(packed, i + 1, packed, i, size - i - 1);
        if (objects != null) {
            System.arraycopy(objects, i + 1, objects, i, size - i - 1);
            objects[size - 1] = null;
        }
        size--;
    }

    /** Up to {@code n} pongs, newest first, that pass {@code keep}. */
    List<Pong> newest(int n, Predicate<Address> keep) {
        List<Pong> out = new ArrayList<>();
        for (int i = size - 1; i >= 0 && out.size() < n; i--) {
            Address a = address(i);
            if (keep.test(a)) {
                out.add(pong(i, a));
            }
        }
        return out;
    }

    Collection<Pong> all() {
        List<Pong> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(pong(i, address(i)));
        }
        return List.copyOf(out);
    }

    private Address address(int i) {
        Object o = objects == null ? null : objects[i];
        return o == null ? PackedAddress.address(packed[i]) : o instanceof Pong p ? p.address() : (Address) o;
    }

    private Pong pong(int i, Address a) {
        return objects != null && objects[i] instanceof Pong p ? p : new Pong(a, 0, 0);
    }

    int size() {
        return size;
    }
}
