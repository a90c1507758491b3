package p2plab.gnutella.routing;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import p2plab.gnutella.message.Guid;

/**
 * The descriptors a servent has seen, keyed by (GUID, payload type), each with the connection it
 * first came in on. It serves two rules at once: a (GUID, type) seen before is a duplicate and is
 * dropped; a Pong or QueryHit goes back on the connection its Ping or Query came in on (the
 * reverse path). Entries expire after a fixed time, and the table holds at most a fixed number:
 * a neighbour that floods new GUIDs faster than they expire pushes out the oldest entries
 * early (each one counted, {@link #evicted()}), so it costs routes, never unbounded memory.
 *
 * @param <R> how the servent names a connection; {@code null} means "I started it"
 */
public final class SeenTable<R> {

    private record Key(Guid guid, int type) {
    }

    private static final class Entry<R> {
        final Key key;
        final R route;
        final long expiresAt;

        Entry(Key key, R route, long expiresAt) {
            this.key = key;
            this.route = route;
            this.expiresAt = expiresAt;
        }
    }

    private final long lifetimeNanos;
    private final int capacity;
    private long evicted;
    // Made on the first sighting: a simulation holds many servents that never see a descriptor.
    private Map<Key, Entry<R>> entries = Map.of();
    private ArrayDeque<Entry<R>> byAge; // oldest first: expiry order

    public SeenTable(long lifetimeNanos, int capacity) {
        if (lifetimeNanos <= 0 || capacity < 1) {
            throw new IllegalArgumentException("a seen-table needs a positive lifetime and capacity");
        }
        this.lifetimeNanos = lifetimeNanos;
        this.capacity = capacity;
    }

    /**
     * Records that (guid, type) arrived on {@code route} at {@code now}.
     *
     * @return true the first time (the servent handles it); false for a duplicate (it drops it)
     */
    public boolean firstSighting(Guid guid, int type, R route, long now) {
        expire(now);
        Key key = new Key(guid, type);
        if (entries.containsKey(key)) {
            return false;
        }
        if (byAge == null) {
            entries = new HashMap<>(4);
            byAge = new ArrayDeque<>(4);
        }
        if (entries.size() >= capacity) {
            entries.remove(byAge.pollFirst().key); // full: the oldest goes before its time
            evicted++;
        }
        Entry<R> e = new Entry<>(key, route, now + lifetimeNanos);
        entries.put(key, e);
        byAge.addLast(e);
        return true;
    }

    /** True when (guid, type) was seen and has not expired. */
    public boolean knows(Guid guid, int type, long now) {
        expire(now);
        return entries.containsKey(new Key(guid, type));
    }

    /** The connection (guid, type) first came in on; null if it is unknown or started here. */
    public R routeOf(Guid guid, int type, long now) {
        expire(now);
        Entry<R> e = entries.get(new Key(guid, type));
        return e == null ? null : e.route;
    }

    public int size() {
        return entries.size();
    }

    /** Entries pushed out before they expired because the table was full. */
    public long evicted() {
        return evicted;
    }

    private void expire(long now) {
        if (byAge == null) {
            return;
        }
        while (!byAge.isEmpty() && byAge.peekFirst().expiresAt <= now) {
            entries.remove(byAge.pollFirst().key);
        }
        if (byAge.isEmpty()) { // all expired: give the memory back until the next sighting
            entries = Map.of();
            byAge = null;
        }
    }
}
