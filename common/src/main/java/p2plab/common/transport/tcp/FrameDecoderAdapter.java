package p2plab.common.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.MalformedFrameException;

/**
 * Runs the overlay's own {@link FrameDecoder} (pure, ByteBuffer-based, one per connection) inside
 * Netty. Netty's {@link ByteToMessageDecoder} keeps the bytes received so far (the cumulation);
 * we show them to the overlay's decoder as a {@link ByteBuffer} view, take as many whole
 * messages as it finds, and tell Netty how many bytes they used.
 *
 * <p>Each message is counted as received here, on the receiver's loop, with its exact size on
 * the wire. Bytes that can never be a message (the decoder throws, or more than
 * {@code maxBufferedBytes} pile up without a frame) are rejected: counted, the connection closed
 * with a reason naming the sender; the node's other links are untouched.
 *
 * <p>The view is valid only during {@code decode}: Netty reuses the memory afterwards, so a
 * decoder must copy out any bytes it keeps in a message.
 */
final class FrameDecoderAdapter<M> extends ByteToMessageDecoder {
    private final TcpLink<M> link;
    private final FrameDecoder<M> decoder;
    private final int maxBufferedBytes;
    private boolean rejected;

    FrameDecoderAdapter(TcpLink<M> link, FrameDecoder<M> decoder, int maxBufferedBytes) {
        this.link = link;
        this.decoder = decoder;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (rejected) {
            in.skipBytes(in.readableBytes()); // the connection is closing; ignore what trails
            return;
        }
        ByteBuffer view = in.nioBuffer(in.readerIndex(), in.readableBytes());
        int start = view.position();
        try {
            while (view.hasRemaining()) {
                int before = view.position();
                M message = decoder.decode(view);
                if (message == null) {
                    view.position(before);
                    break;
                }
                int size = view.position() - before;
                if (size <= 0) {
                    throw new MalformedFrameException("decoder returned a message without consuming any bytes");
                }
                link.node().countReceived(message, size);
                out.add(message);
            }
        } catch (MalformedFrameException | RuntimeException e) {
            reject(ctx, in, e.getMessage() != null ? e.getMessage() : e.toString());
            return;
        }
        in.skipBytes(view.position() - start);
        if (in.readableBytes() > maxBufferedBytes) {
            reject(ctx, in, in.readableBytes() + " bytes without a complete frame (limit " + maxBufferedBytes + ")");
        }
    }

    private void reject(ChannelHandlerContext ctx, ByteBuf in, String why) {
        rejected = true;
        in.skipBytes(in.readableBytes());
        link.node().countRejected();
        link.closeNow("malformed frame from " + link.remote() + ": " + why);
    }
}
