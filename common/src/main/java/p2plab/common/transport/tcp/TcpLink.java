package p2plab.common.transport.tcp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import java.util.concurrent.RejectedExecutionException;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;

/**
 * One end of a TCP connection, as protocol code sees it: {@link #send} and {@link #close} on top
 * of a Netty {@link Channel}. It also remembers WHY it closed, so that the handler's single
 * {@code onClosed} call can say it in words (set by whoever closes first: this peer, the idle
 * timer, the decoder that found a malformed frame, the remote's reset).
 */
final class TcpLink<M> implements Link<M> {
    private final TcpNode<M> node;
    private final Channel channel;
    private final Address remote;
    private final boolean outbound;
    private final FrameBatch<M> batch;
    private volatile Object attachment;
    private volatile String closeReason;   // first reason wins
    private volatile boolean closing;      // closing has begun: sends from now on are dropped
    private volatile boolean leaving;      // the protocol closed it: later arrivals are not delivered
    private boolean connectedNotified;     // loop-only
    private boolean closedNotified;        // loop-only
    private boolean awaitingWritable;      // loop-only: writable() said no, so onWritable is owed

    TcpLink(TcpNode<M> node, Channel channel, Address remote, boolean outbound) {
        this.node = node;
        this.channel = channel;
        this.remote = remote;
        this.outbound = outbound;
        this.batch = new FrameBatch<>(node, channel);
    }

    @Override
    public Node<M> local() {
        return node;
    }

    TcpNode<M> node() {
        return node;
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
        return !closing && channel.isActive();
    }

    /**
     * Encodes and counts {@code message} on this node's loop; its frame leaves with the others
     * this link sends in the same pass of the loop ({@link FrameBatch}). A message sent on a
     * closed link, or lost because the link broke first, counts as dropped.
     */
    @Override
    public void send(M message) {
        if (!node.loop().inEventLoop()) {
            try {
                node.loop().execute(() -> send(message));
            } catch (RejectedExecutionException e) {
                node.countDropped(message); // the transport is closed; its loops are gone
            }
            return;
        }
        if (!isOpen()) {
            node.countDropped(message);
            return;
        }
        batch.add(message);
    }

    @Override
    public void shed(M message) {
        node.countDropped(message); // on the node's loop, like every send of a protocol
    }

    /** Writable while Netty's outbound buffer is below its high-water mark (the socket has room). */
    @Override
    public boolean writable() {
        if (!isOpen()) {
            return false;
        }
        if (channel.isWritable()) {
            return true;
        }
        awaitingWritable = true;
        return false;
    }

    /** True once after {@link #writable()} said no: the handler is then owed an onWritable. */
    boolean takeAwaitingWritable() {
        boolean owed = awaitingWritable;
        awaitingWritable = false;
        return owed;
    }

    @Override
    public void close() {
        closeGracefully("closed by this peer");
    }

    /** Flushes what was sent, then closes. */
    void closeGracefully(String reason) {
        setReason(reason);
        closing = true;
        leaving = true;
        if (!node.loop().inEventLoop()) {
            try {
                node.loop().execute(() -> closeGracefully(reason)); // the batch belongs to the loop
            } catch (RejectedExecutionException e) {
                channel.close(); // the loops are gone, and the socket with them
            }
            return;
        }
        batch.flush();
        // The empty write queues behind every earlier message (also in the traffic shaper), so the
        // close happens only once they are on the wire.
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** Closes at once, discarding pending writes (malformed input, idle timeout, broken socket). */
    void closeNow(String reason) {
        setReason(reason);
        closing = true;
        channel.close();
    }

    /** The connection closed: frames not yet written never will be (called on the loop). */
    void discardUnsent() {
        batch.discard();
    }

    /** True once this side chose to close; messages still arriving are then not delivered. */
    boolean leaving() {
        return leaving;
    }

    /** A crash: RST instead of FIN, so the other side learns at once that we are gone. */
    static void abort(Channel channel) {
        try {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
        } catch (RuntimeException e) {
            // Not connected yet (or already closed): a plain close is just as abrupt.
        }
        channel.close();
    }

    void setReason(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    String reasonOr(String fallback) {
        String r = closeReason;
        return r != null ? r : fallback;
    }

    /** True the first time only: onConnected is called at most once per link. */
    boolean markConnectedNotified() {
        if (connectedNotified) {
            return false;
        }
        connectedNotified = true;
        return true;
    }

    /** True the first time only, and only for a link the handler was told about. */
    boolean markClosedNotified() {
        if (closedNotified || !connectedNotified) {
            return false;
        }
        closedNotified = true;
        return true;
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    @Override
    public String toString() {
        return node.label() + (outbound ? " -> " : " <- ") + remote;
    }
}
