package p2plab.common.transport.sim;

import java.util.ArrayDeque;
import p2plab.common.transport.Address;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;

/** One end of a simulated connection. Its twin, {@link #twin}, is the other end. */
final class SimLink<M> implements Link<M> {
    final SimNode<M> local;
    final Address remote;
    final boolean outbound;
    final long latencyNanos;
    SimLink<M> twin;
    boolean open = true;
    /** Latest arrival time scheduled on this end; later messages never overtake it (FIFO). */
    long lastArrival;
    FrameDecoder<M> decoder; // only with wire check
    /**
     * Messages waiting for the sender's uplink (only when it has a rate); made when the first
     * one waits, since a simulation may hold millions of links.
     */
    private ArrayDeque<SimTransport.Outgoing<M>> queue;
    /** Closed for sending, but its queue still drains before the remote hears of the close. */
    boolean closing;
    String closingReason;
    /** {@link #writable()} answered false: the handler hears when the queue has drained. */
    boolean awaitingWritable;
    private Object attachment;

    SimLink(SimNode<M> local, Address remote, boolean outbound, long latencyNanos) {
        this.local = local;
        this.remote = remote;
        this.outbound = outbound;
        this.latencyNanos = latencyNanos;
    }

    @Override
    public Node<M> local() {
        return local;
    }

    @Override
    public Address remote() {
        return remote;
    }

    @Override
    public boolean outbound() {
        return outbound;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void send(M message) {
        local.sim.send(this, message);
    }

    /** Writable while nothing waits for the uplink: a new message goes out at the link's next turn. */
    @Override
    public boolean writable() {
        if (!open || !local.alive) {
            return false;
        }
        if (queueIsEmpty()) {
            return true;
        }
        awaitingWritable = true;
        return false;
    }

    @Override
    public void shed(M message) {
        local.sim.shed(this, message);
    }

    @Override
    public void close() {
        local.sim.closeLink(this, "closed by this peer", "closed by the remote peer");
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public void attach(Object a) {
        attachment = a;
    }

    @Override
    public String toString() {
        return local.label() + (outbound ? "->" : "<-") + remote;
    }

    boolean queueIsEmpty() {
        return queue == null || queue.isEmpty();
    }

    void enqueue(SimTransport.Outgoing<M> out) {
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        queue.add(out);
    }

    SimTransport.Outgoing<M> queuePeek() {
        return queue == null ? null : queue.peek();
    }

    SimTransport.Outgoing<M> queuePoll() {
        return queue == null ? null : queue.poll();
    }
}
