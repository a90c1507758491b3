package p2plab.common.time;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Virtual time for a discrete-event simulation: a queue of events ordered by (time, order of
 * scheduling). Running an event moves the clock to its time; nothing happens between events,
 * so an hour of protocol time can pass in a millisecond. Ties run in the order they were
 * scheduled, which makes every run with the same inputs identical.
 *
 * <p>Single-threaded: the thread that calls {@link #runUntil} runs every event.
 */
public final class VirtualClock implements Clock {

    /** Something that happens at a moment of virtual time. */
    public abstract static class Event implements Cancellable {
        long time;
        long seq;
        boolean cancelled;

        /** What happens. */
        protected abstract void fire();

        public long time() {
            return time;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    // A binary heap ordered by (time, seq). Each slot's time and seq are kept beside it in
    // arrays of their own, so that sifting compares numbers in three arrays instead of
    // reaching into events scattered over the heap: with millions of peers, those misses
    // were a good part of a simulation's time.
    private static final int MIN_CAPACITY = 1024;
    private Event[] heap = new Event[MIN_CAPACITY];
    private long[] times = new long[MIN_CAPACITY];
    private long[] seqs = new long[MIN_CAPACITY];
    private int size;
    private long nextSeq;
    private long now;
    private long eventsRun;

    @Override
    public long nanos() {
        return now;
    }

    /** Events run since the clock was made. */
    public long eventsRun() {
        return eventsRun;
    }

    /** Events waiting, cancelled ones included. */
    public int pending() {
        return size;
    }

    @Override
    public Cancellable scheduleNanos(long delayNanos, Runnable task) {
        Event e = new Event() {
            @Override
            protected void fire() {
                task.run();
            }
        };
        return schedule(e, now + Math.max(0, delayNanos));
    }

    /** Puts {@code event} on the queue for {@code time} (never earlier than now). */
    public Event schedule(Event event, long time) {
        long t = Math.max(time, now);
        long q = nextSeq++;
        event.time = t;
        event.seq = q;
        if (size == heap.length) {
            resize(size * 2);
        }
        int i = size++;
        while (i > 0) {                      // sift up
            int parent = (i - 1) >>> 1;
            if (!before(t, q, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        put(i, event, t, q);
        return event;
    }

    /**
     * Runs events in order until {@code done} says stop, the queue is empty, or the next event
     * lies after {@code deadline}; then the clock stands at the last event run (or at the
     * deadline, if {@code advanceToDeadline} and the queue ran dry or lay beyond it).
     *
     * @return true if {@code done} became true
     */
    public boolean runUntil(long deadline, BooleanSupplier done, boolean advanceToDeadline) {
        while (!done.getAsBoolean()) {
            Event e = peekLive();
            if (e == null || e.time > deadline) {
                if (advanceToDeadline && deadline > now && deadline != Long.MAX_VALUE) {
                    now = deadline;
                }
                return false;
            }
            poll();
            now = e.time;
            eventsRun++;
            e.fire();
        }
        return true;
    }

    /** Moves time forward to {@code time}, running every event due by then. */
    public void advanceTo(long time) {
        runUntil(time, () -> false, true);
    }

    /** Drops every pending event. */
    public void clear() {
        Arrays.fill(heap, 0, size, null);
        size = 0;
    }

    private Event peekLive() {
        while (size > 0 && heap[0].cancelled) {
            poll();
        }
        return size == 0 ? null : heap[0];
    }

    private Event poll() {
        Event top = heap[0];
        int last = --size;
        Event lastEvent = heap[last];
        long t = times[last];
        long q = seqs[last];
        heap[last] = null;
        if (size > 0) {                      // sift down
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < size && (times[right] < times[child] || (times[right] == times[child] && seqs[right] < seqs[child]))) {
                    child = right;
                }
                if (!(times[child] < t || (times[child] == t && seqs[child] < q))) {
                    break;
                }
                move(child, i);
                i = child;
            }
            put(i, lastEvent, t, q);
        }
        if (size < heap.length / 4 && heap.length > MIN_CAPACITY) {
            resize(heap.length / 2); // a burst (wiring a network) must not keep its arrays for the rest of the run
        }
        return top;
    }

    /** Slots the queue holds now (for its tests: a burst of events must not keep them all). */
    int capacity() {
        return heap.length;
    }

    private void resize(int capacity) {
        heap = Arrays.copyOf(heap, capacity);
        times = Arrays.copyOf(times, capacity);
        seqs = Arrays.copyOf(seqs, capacity);
    }

    /** True when an event at (t, q) runs before the one in slot {@code i}. */
    private boolean before(long t, long q, int i) {
        return t < times[i] || (t == times[i] && q < seqs[i]);
    }

    private void move(int from, int to) {
        heap[to] = heap[from];
        times[to] = times[from];
        seqs[to] = seqs[from];
    }

    private void put(int i, Event e, long t, long q) {
        heap[i] = e;
        times[i] = t;
        seqs[i] = q;
    }
}
