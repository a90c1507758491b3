package p2plab.gnutella.servent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import p2plab.common.transport.Address;
import p2plab.gnutella.message.Pong;

/**
 * Servents this one has heard of (from Pongs and X-Try headers), newest last, at most
 * {@link ServentConfig#PONG_CACHE_SIZE}. It answers Pings from here and reconnects from here.
 */
final class PongCache {
    private final int capacity;
    private final LinkedHashMap<Address, Pong> pongs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Address, Pong> eldest) {
            return size() > capacity;
        }
    };

    PongCache(int capacity) {
        this.capacity = capacity;
    }

    void add(Pong pong) {
        pongs.remove(pong.address()); // re-inserted as the newest
        pongs.put(pong.address(), pong);
    }

    void forget(Address address) {
        pongs.remove(address);
    }

    /** Up to {@code n} pongs, newest first, that pass {@code keep}. */
    List<Pong> newest(int n, Predicate<Address> keep) {
        List<Pong> all = new ArrayList<>(pongs.values());
        List<Pong> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < n; i--) {
            if (keep.test(all.get(i).address())) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    Collection<Pong> all() {
        return List.copyOf(pongs.values());
    }

    int size() {
        return pongs.size();
    }
}
