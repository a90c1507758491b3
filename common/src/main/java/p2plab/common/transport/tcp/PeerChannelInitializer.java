package p2plab.common.transport.tcp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;

/**
 * Assembles the pipeline of one connection, inbound or outbound alike. Bytes from the socket
 * flow top to bottom, messages we send flow bottom to top:
 *
 * <pre>
 *   socket
 *     |  flush    FlushConsolidationHandler     one system call for many messages written together
 *     |  shaper   GlobalTrafficShapingHandler   the node's upload/download limits (shared)
 *     |  idle     IdleStateHandler              "nothing received for N s" events (optional)
 *     |  decoder  FrameDecoderAdapter           bytes  -> messages (the overlay's FrameDecoder)
 *     v  peer     PeerHandlerAdapter            messages -> PeerHandler.onConnected/onMessage/onClosed
 * </pre>
 *
 * Messages we send do not walk the pipeline one by one: {@link TcpLink#send} encodes them with
 * the overlay's WireFormat and gathers the frames of one loop pass into one buffer
 * ({@link FrameBatch}), which is what flows up to the socket.
 *
 * Why this order: flushes are merged next to the socket, so an answer made of many messages
 * (a search's hundred results) leaves in one write instead of a hundred; the shaper sits next to it so it paces and counts real wire bytes,
 * framing included; the codec comes before the logic so the protocol only ever sees whole
 * messages, and never a ByteBuf. One {@link TcpLink} per connection is shared by the three
 * handlers at the bottom, so each can close it with a reason.
 */
final class PeerChannelInitializer<M> extends ChannelInitializer<Channel> {
    private final TcpNode<M> node;
    private final Address dialed;                          // null for accepted connections
    private final CompletableFuture<Link<M>> connectResult; // null for accepted connections

    PeerChannelInitializer(TcpNode<M> node, Address dialed, CompletableFuture<Link<M>> connectResult) {
        this.node = node;
        this.dialed = dialed;
        this.connectResult = connectResult;
    }

    @Override
    protected void initChannel(Channel ch) {
        if (!node.track(ch)) {
            ch.close(); // accepted or dialled just as the node died
            return;
        }
        boolean outbound = dialed != null;
        if (!outbound && !node.admitInbound(ch)) {
            ch.close(); // over the node's limit of accepted connections
            return;
        }
        Address remote = outbound ? dialed : addressOf((InetSocketAddress) ch.remoteAddress());
        TcpLink<M> link = new TcpLink<>(node, ch, remote, outbound);

        ChannelPipeline p = ch.pipeline();
        p.addLast("flush", new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        if (node.shaper() != null) {
            p.addLast("shaper", node.shaper());
        }
        Duration idle = node.config().idleTimeout();
        if (idle != null) {
            p.addLast("idle", new IdleStateHandler(node.toRealNanos(idle.toNanos()), 0, 0, TimeUnit.NANOSECONDS));
        }
        p.addLast("decoder", new FrameDecoderAdapter<>(link, node.format().newDecoder(), node.maxBufferedBytes()));
        p.addLast("peer", new PeerHandlerAdapter<>(link, connectResult));
    }

    private static Address addressOf(InetSocketAddress socket) {
        return new Address(socket.getHostString(), socket.getPort());
    }
}
