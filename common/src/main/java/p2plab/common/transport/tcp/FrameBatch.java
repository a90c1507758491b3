package p2plab.common.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages one link sends during one pass of its event loop: each is encoded by the
 * overlay's {@code WireFormat} and counted as sent at once, and their frames are gathered in
 * one pooled buffer that goes down the pipeline as a single write at the end of the pass.
 *
 * <p>Why: an answer is often many small messages (a Napster search: one per hit, a hundred).
 * Written one by one, each paid Netty's per-write costs, a promise, a listener, a walk down the
 * pipeline, a copy into direct memory and an outbound-buffer entry: most of the index server's
 * CPU in the profile. Gathered, they pay them once. The order on the wire is the order of
 * {@link #add}; the bytes are the same.
 *
 * <p>Loop-only, like the rest of a link's sending.
 */
final class FrameBatch<M> {
    private static final System.Logger LOG = System.getLogger(FrameBatch.class.getName());
    /** Written early past this size, so a long answer starts leaving before it is complete. */
    static final int MAX_BYTES = 64 * 1024;

    private final TcpNode<M> node;
    private final Channel channel;
    private final Runnable endOfPass = this::onEndOfPass;
    private ByteBuf frames;          // null while nothing waits
    private List<M> messages;        // the same messages, to count them dropped if the write fails
    private boolean flushQueued;

    FrameBatch(TcpNode<M> node, Channel channel) {
        this.node = node;
        this.channel = channel;
    }

    /** Encodes and counts {@code message}; its frame leaves with the others at the end of this pass. */
    void add(M message) {
        byte[] frame;
        try {
            frame = node.format().encode(message);
        } catch (RuntimeException e) {
            node.countDropped(message);
            LOG.log(System.Logger.Level.WARNING, node.label() + " could not send to " + channel.remoteAddress() + ": " + e);
            return;
        }
        node.countSent(message, frame.length);
        if (frames == null) {
            frames = channel.alloc().directBuffer(Math.max(256, frame.length));
            messages = new ArrayList<>();
        }
        frames.writeBytes(frame);
        messages.add(message);
        if (frames.readableBytes() >= MAX_BYTES) {
            flush();
        } else if (!flushQueued) {
            // A task queued from the loop runs after the I/O of this pass, so whatever else
            // this pass sends on the link joins the same write.
            flushQueued = true;
            node.loop().execute(endOfPass);
        }
    }

    private void onEndOfPass() {
        flushQueued = false;
        flush();
    }

    /** Writes what waits now (before a graceful close, so the close stays behind it). */
    void flush() {
        if (frames == null) {
            return;
        }
        ByteBuf out = frames;
        List<M> sent = messages;
        frames = null;
        messages = null;
        channel.writeAndFlush(out).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                for (M m : sent) {
                    node.countDropped(m);
                }
                if (!(f.cause() instanceof ClosedChannelException) && channel.isActive()) {
                    LOG.log(System.Logger.Level.WARNING, node.label() + " could not send to " + channel.remoteAddress()
                            + ": " + f.cause());
                }
            }
        });
    }

    /** The connection is gone: what waits will never leave. */
    void discard() {
        if (frames == null) {
            return;
        }
        for (M m : messages) {
            node.countDropped(m);
        }
        frames.release();
        frames = null;
        messages = null;
    }
}
