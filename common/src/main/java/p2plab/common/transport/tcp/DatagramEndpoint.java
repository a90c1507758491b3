package p2plab.common.transport.tcp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import p2plab.common.transport.Address;
import p2plab.common.transport.Datagrams;
import p2plab.common.transport.MalformedFrameException;

/**
 * A node's UDP socket, bound on the same port number as its TCP listener, so that one
 * {@code Address} reaches the node both ways (as a BitTorrent client's DHT shares its port).
 * It lives on the node's event loop like everything else of the node.
 *
 * <p>The receive buffer holds one byte more than the format's limit, so a datagram that is too
 * large shows as too large (and is counted as rejected) instead of arriving cut short.
 */
final class DatagramEndpoint<M> extends SimpleChannelInboundHandler<DatagramPacket> {
    private final TcpNode<M> node;
    private final int limit;
    private final double lossRate;
    private final SplittableRandom lossRandom;
    private Channel channel;

    DatagramEndpoint(TcpNode<M> node, int limit, double lossRate, long seed) {
        this.node = node;
        this.limit = limit;
        this.lossRate = lossRate;
        this.lossRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** Binds {@code host:port}; returns the failure, or null when bound. */
    Throwable bind(String host, int port) {
        ChannelFuture bound = new Bootstrap()
                .group(node.loop())
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(limit + 1))
                .handler(this)
                .bind(host, port)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            return bound.cause();
        }
        channel = bound.channel();
        return null;
    }

    /**
     * Encodes and checks on the caller's thread (so a refusal reaches the caller); counts and
     * sends on the node's loop, at once when called from there (as protocol code is).
     */
    void send(Address to, M message) {
        byte[] bytes = node.format().encode(message);
        Datagrams.checkSendable(node.format(), node.label(), bytes.length);
        if (node.loop().inEventLoop()) {
            write(to, message, bytes);
        } else {
            node.loop().execute(() -> write(to, message, bytes));
        }
    }

    private void write(Address to, M message, byte[] bytes) {
        node.countSent(message, bytes.length);
        if (!node.isAlive() || (lossRate > 0 && lossRandom.nextDouble() < lossRate)) {
            node.countDropped(message);
            return;
        }
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), new InetSocketAddress(to.host(), to.port())))
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        node.countDropped(message);
                    }
                });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        if (!node.isAlive()) {
            return;
        }
        ByteBuf content = packet.content();
        int size = content.readableBytes();
        if (size > limit) {
            node.countRejected();
            return;
        }
        byte[] bytes = new byte[size];
        content.readBytes(bytes);
        M message;
        try {
            message = node.format().decodeDatagram(ByteBuffer.wrap(bytes));
        } catch (MalformedFrameException e) {
            node.countRejected();
            return;
        }
        node.countReceived(message, size);
        InetSocketAddress sender = packet.sender();
        Address from = new Address(sender.getAddress().getHostAddress(), sender.getPort());
        node.runProtocol(() -> node.handler().onDatagram(from, message), "onDatagram");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // An ICMP "port unreachable" from an earlier send, for instance: UDP promises nothing,
        // so the socket stays open and the protocol's own timeouts notice the silence.
    }

    void close() {
        if (channel != null) {
            channel.close();
        }
    }
}
