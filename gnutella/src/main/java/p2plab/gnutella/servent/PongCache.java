package p2plab.gnutella.servent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import p2plab.common.transport.Address;
import p2plab.gnutella.message.Pong;

/**
 * Servents this one has heard of (from Pongs and X-Try headers), newest last, at most
 * {@link ServentConfig#PONG_CACHE_SIZE}. It answers Pings from here and reconnects from here.
 *
 * <p>A plain list searched from end to end: it holds a few dozen pongs at most, and a
 * simulation holds a million caches, so no hash table per cache. Most entries are hosts known
 * only by address (a neighbour, an X-Try entry): those are kept as the bare {@link Address}
 * and become {@code Pong(address, 0, 0)} when read, which saves an object per entry.
 */
final class PongCache {
    private final int capacity;
    private final List<Object> pongs = new ArrayList<>(4); // oldest first; a Pong, or an Address for Pong(address, 0, 0)

    PongCache(int capacity) {
        this.capacity = capacity;
    }

    void add(Pong pong) {
        put(pong.files() == 0 && pong.kilobytes() == 0 ? pong.address() : pong);
    }

    /** A host known only by its address: {@code add(new Pong(address, 0, 0))} without making the Pong. */
    void add(Address address) {
        if (!address.isIpv4()) {
            throw new IllegalArgumentException("not an IPv4 address: " + address.host()); // as the Pong would
        }
        put(address);
    }

    private void put(Object entry) {
        forget(address(entry)); // re-inserted as the newest
        pongs.add(entry);
        if (pongs.size() > capacity) {
            pongs.remove(0);
        }
    }

    void forget(Address address) {
        for (int i = 0; i < pongs.size(); i++) {
            if (address(pongs.get(i)).equals(address)) {
                pongs.remove(i);
                return;
            }
        }
    }

    /** Up to {@code n} pongs, newest first, that pass {@code keep}. */
    List<Pong> newest(int n, Predicate<Address> keep) {
        List<Pong> out = new ArrayList<>();
        for (int i = pongs.size() - 1; i >= 0 && out.size() < n; i--) {
            if (keep.test(address(pongs.get(i)))) {
                out.add(pong(pongs.get(i)));
            }
        }
        return out;
    }

    Collection<Pong> all() {
        List<Pong> out = new ArrayList<>(pongs.size());
        for (Object entry : pongs) {
            out.add(pong(entry));
        }
        return List.copyOf(out);
    }

    private static Address address(Object entry) {
        return entry instanceof Pong p ? p.address() : (Address) entry;
    }

    private static Pong pong(Object entry) {
        return entry instanceof Pong p ? p : new Pong((Address) entry, 0, 0);
    }

    int size() {
        return pongs.size();
    }
}
