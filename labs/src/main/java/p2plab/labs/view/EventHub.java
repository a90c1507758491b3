package p2plab.labs.view;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import p2plab.common.metrics.MessageListener;

/**
 * Collects the transport's messages between two batches. The drivers call it on their own
 * threads, so it only queues. When the page falls behind, untraced traffic (pings, keep-alives)
 * is shed first and counted; a search's messages are kept up to a hard bound, so the page's
 * figures for a search equal the shell's.
 */
public final class EventHub implements MessageListener {
    /** Beyond this, untraced messages are shed. */
    static final int SHED_UNTRACED_AT = 20_000;
    /** Beyond this, everything is shed: the bound on what a busy network can make us hold. */
    static final int HARD_LIMIT = 200_000;

    private final ConcurrentLinkedQueue<ViewEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong shed = new AtomicLong();

    @Override
    public void sent(String peer, String type, Object traceKey) {
        offer(ViewEvent.sent(peer, type, traceKey));
    }

    @Override
    public void delivered(String peer, String type, Object traceKey) {
        offer(ViewEvent.delivered(peer, type, traceKey));
    }

    public void offer(ViewEvent e) {
        int n = size.get();
        if (n >= HARD_LIMIT || (n >= SHED_UNTRACED_AT && !e.traced())) {
            shed.incrementAndGet();
            return;
        }
        size.incrementAndGet();
        queue.add(e);
    }

    /** Takes at most {@code max} events, oldest first. */
    public List<ViewEvent> drain(int max) {
        List<ViewEvent> out = new ArrayList<>(Math.min(max, size.get()));
        ViewEvent e;
        while (out.size() < max && (e = queue.poll()) != null) {
            size.decrementAndGet();
            out.add(e);
        }
        return out;
    }

    /** Events shed so far because the page was behind. */
    public long shed() {
        return shed.get();
    }
}
