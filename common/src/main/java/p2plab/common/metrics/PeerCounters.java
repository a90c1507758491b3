package p2plab.common.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

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
    private volatile long[] counts = EMPTY; // [typeId * SLOTS + slot], grown on demand
    private volatile long rejected;
    private volatile long handlerErrors;

    PeerCounters(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    void add(int typeId, int slot, long delta) {
        int index = typeId * SLOTS + slot;
        long[] c = counts;
        if (index >= c.length) {
            c = Arrays.copyOf(c, Math.max(index + 1, (typeId + 4) * SLOTS));
            counts = c;
        }
        LONGS.setRelease(c, index, (long) LONGS.getAcquire(c, index) + delta);
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
        int base = typeId * SLOTS;
        if (base + SLOTS > c.length) {
            return Counts.ZERO;
        }
        return new Counts((long) LONGS.getAcquire(c, base + SENT_MESSAGES), (long) LONGS.getAcquire(c, base + SENT_BYTES),
                (long) LONGS.getAcquire(c, base + RECEIVED_MESSAGES), (long) LONGS.getAcquire(c, base + RECEIVED_BYTES),
                (long) LONGS.getAcquire(c, base + DROPPED), 0);
    }

    int typeCapacity() {
        return counts.length / SLOTS;
    }

    void reset() {
        counts = EMPTY;
        rejected = 0;
    }
}
