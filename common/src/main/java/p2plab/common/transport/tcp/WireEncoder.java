package p2plab.common.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Turns each outgoing message into its bytes with the overlay's {@code WireFormat.encode}, and
 * counts it as sent, on the sender's loop, with the exact size on the wire. The byte array is
 * wrapped, not copied. Plain ByteBufs (the empty buffer of a graceful close) pass through.
 */
final class WireEncoder<M> extends ChannelOutboundHandlerAdapter {
    private final TcpNode<M> node;

    WireEncoder(TcpNode<M> node) {
        this.node = node;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf) {
            ctx.write(msg, promise);
            return;
        }
        M message = (M) msg;
        byte[] frame;
        try {
            frame = node.format().encode(message);
        } catch (RuntimeException e) {
            promise.setFailure(e); // the sender's listener counts it as dropped
            return;
        }
        node.countSent(message, frame.length);
        ctx.write(Unpooled.wrappedBuffer(frame), promise);
    }
}
