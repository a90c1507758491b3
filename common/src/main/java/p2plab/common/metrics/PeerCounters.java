package p2plab.common.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The counters of one node, kept by the transport. Only the node's own thread writes them
 * (sends are counted on the sender's thread, receives on the receiver's), so updates need no
 * locks; release/acquire access lets another thread read a recent snapshot.
 */
public final class PeerCounters {
    static final int SENT_MESSAGES = 0;
    static final int SENT_BYTES = 1;
    static final int RECEIVED_MESSAGES = 2;
    static final int RECEIVED_BYTES = 3;
    static final int DROPPED = 4;
    static final int SLOTS = 5;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long[] EMPTY = new long[0];

    private final String label;
    /**
     * counts[0] is the first type id counted, then {@link #SLOTS} longs per type from it up to the
     * last one counted: only the range of types this node used, grown on demand. A simulation
     * holds a million of these and a node meets few types, so no slots for types below its first
     * (a Gnutella servent that only shook hands holds one type, not six). One array, so a reader
     * on another thread always sees a first id and the counts that go with it.
     */
    private volatile long[] counts = EMPTY;
    private volatile long rejected;
    private volatile long handlerErrors;

    PeerCounters(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    void add(int typeId, int slot, long delta) {
        long[] c = counts;
        if (c.length == 0 || typeId < c[0] || base(c, typeId) + SLOTS > c.length) {
            c = widened(c, typeId);
            counts = c;
        }
        int index = base(c, typeId) + slot;
        LONGS.setRelease(c, index, (long) LONGS.getAcquire(c, index) + delta);
    }

    private static int base(long[] c, int typeId) {
        return 1 + (typeId - (int) c[0]) * SLOTS;
    }

    /** A copy of {@code c} that also covers {@code typeId}; run on the owner's thread, like every write. */
    private static long[] widened(long[] c, int typeId) {
        if (c.length == 0) {
            long[] fresh = new long[1 + SLOTS];
            fresh[0] = typeId;
            return fresh;
        }
        int first = (int) c[0];
        int last = first + (c.length - 1) / SLOTS - 1;
        int newFirst = Math.min(first, typeId);
        int newLast = Math.max(last, typeId);
        long[] wider = new long[1 + (newLast - newFirst + 1) * SLOTS];
        wider[0] = newFirst;
        for (int i = 1; i < c.length; i++) {
            wider[i + (first - newFirst) * SLOTS] = (long) LONGS.getAcquire(c, i);
        }
        return wider;
    }

    void addRejected() {
        rejected = rejected + 1;
    }

    long rejected() {
        return rejected;
    }

    void addHandlerError() {
        handlerErrors = handlerErrors + 1;
    }

    long handlerErrors() {
        return handlerErrors;
    }

    /** Counts for {@code typeId}, read now. */
    Counts forType(int typeId) {
        long[] c = counts;
        if (c.length == 0 || typeId < c[0] || base(c, typeId) + SLOTS > c.length) {
            return Counts.ZERO;
        }
        int base = base(c, typeId);
        return new Counts((long) LONGS.getAcquire(c, base + SENT_MESSAGES), (long) LONGS.getAcquire(c, base + SENT_BYTES),
                (long) LONGS.getAcquire(c, base + RECEIVED_MESSAGES), (long) LONGS.getAcquire(c, base + RECEIVED_BYTES),
                (long) LONGS.getAcquire(c, base + DROPPED), 0);
    }

    /** One more than the highest type id counted (0 when none). */
    int typeCapacity() {
        long[] c = counts;
        return c.length == 0 ? 0 : (int) c[0] + (c.length - 1) / SLOTS;
    }

    void reset() {
        counts = EMPTY;
        rejected = 0;
    }
}
