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

    private Event[] heap = new Event[1024];
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
        event.time = Math.max(time, now);
        event.seq = nextSeq++;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {                      // sift up
            int parent = (i - 1) >>> 1;
            if (!before(event, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = event;
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
        Event last = heap[--size];
        heap[size] = null;
        if (size > 0) {                      // sift down
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < size && before(heap[right], heap[child])) {
                    child = right;
                }
                if (!before(heap[child], last)) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
        }
        return top;
    }

    private static boolean before(Event a, Event b) {
        return a.time < b.time || (a.time == b.time && a.seq < b.seq);
    }
}
