package p2plab.common.transport;

import java.util.ArrayDeque;
import java.util.function.ToIntFunction;

/**
 * Backpressure for one link, the way a servent keeps an output queue per connection: a message
 * goes out at once while the link is {@link Link#writable() writable}, waits here while it is
 * not, and once {@code maxBytes} wait, is dropped and counted ({@link Link#shed}). So a neighbour
 * that reads slowly, or not at all, costs at most {@code maxBytes} here plus the transport's own
 * buffer, never memory without bound.
 *
 * <p>The owner calls {@link #drain()} from {@link PeerHandler#onWritable} and {@link #clear()}
 * from {@link PeerHandler#onClosed}. Used on the node's thread only, like the link.
 */
public final class SendQueue<M> {
    private final Link<M> link;
    private final ToIntFunction<M> sizeOf;
    private final long maxBytes;
    /** Made when a message first has to wait: most links never queue, and a simulation holds millions of them. */
    private ArrayDeque<M> waiting;
    private ArrayDeque<Integer> sizes;
    private long waitingBytes;
    private long dropped;

    /**
     * @param sizeOf   a message's size in bytes (the wire format's {@code sizeOf}); asked only
     *                 for messages that have to wait
     * @param maxBytes bytes that may wait before new messages are dropped
     */
    public SendQueue(Link<M> link, ToIntFunction<M> sizeOf, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
        }
        this.link = link;
        this.sizeOf = sizeOf;
        this.maxBytes = maxBytes;
    }

    /** Sends {@code message}, or queues it behind what waits; returns false when it was dropped instead. */
    public boolean send(M message) {
        if ((waiting == null || waiting.isEmpty()) && link.writable()) {
            link.send(message);
            return true;
        }
        if (!link.isOpen()) {
            link.send(message); // counted as dropped by the transport, like any send on a closed link
            return false;
        }
        int size = sizeOf.applyAsInt(message);
        if (waitingBytes + size > maxBytes) {
            dropped++;
            link.shed(message);
            return false;
        }
        if (waiting == null) {
            waiting = new ArrayDeque<>();
            sizes = new ArrayDeque<>();
        }
        waiting.add(message);
        sizes.add(size);
        waitingBytes += size;
        return true;
    }

    /** Sends what waits, oldest first, while the link takes it; call it from {@code onWritable}. */
    public void drain() {
        while (waiting != null && !waiting.isEmpty() && link.writable()) {
            waitingBytes -= sizes.poll();
            link.send(waiting.poll());
        }
    }

    /** The link closed: what waits will never leave, and is counted as dropped. Call it from {@code onClosed}. */
    public void clear() {
        if (waiting == null) {
            return;
        }
        M m;
        while ((m = waiting.poll()) != null) {
            link.shed(m);
        }
        sizes.clear();
        waitingBytes = 0;
    }

    /** Bytes waiting now. */
    public long waitingBytes() {
        return waitingBytes;
    }

    /** Messages dropped because {@code maxBytes} were already waiting. */
    public long dropped() {
        return dropped;
    }
}
