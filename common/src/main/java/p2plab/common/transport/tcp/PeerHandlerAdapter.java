package p2plab.common.transport.tcp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import p2plab.common.transport.ConnectFailedException;
import p2plab.common.transport.Link;
import p2plab.common.transport.PeerHandler;

/**
 * The logic end of the pipeline: translates Netty's channel events into the protocol's
 * {@link PeerHandler} calls. Active becomes {@code onConnected} (and completes the
 * {@code connect()} future, after it), a decoded message becomes {@code onMessage}, inactive
 * becomes exactly one {@code onClosed} with the reason the link recorded.
 *
 * <p>A killed node hears nothing; a protocol callback that throws closes only that link,
 * with the exception in the reason, and is logged and counted ({@code Metrics.handlerErrors}),
 * so a bug shows instead of silently stalling the peer. The simulator does the same.
 */
final class PeerHandlerAdapter<M> extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(PeerHandlerAdapter.class.getName());

    private final TcpLink<M> link;
    private final CompletableFuture<Link<M>> connectResult; // null for accepted connections

    PeerHandlerAdapter(TcpLink<M> link, CompletableFuture<Link<M>> connectResult) {
        this.link = link;
        this.connectResult = connectResult;
    }

    private PeerHandler<M> handler() {
        return link.node().handler();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        TcpNode<M> node = link.node();
        if (!node.isAlive()) {
            TcpLink.abort(ctx.channel());
            failConnect("the node is no longer alive");
            return;
        }
        node.linkOpened(link);
        link.markConnectedNotified();
        guard("onConnected", () -> handler().onConnected(link));
        if (connectResult != null) {
            connectResult.complete(link);
        }
        ctx.fireChannelActive();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // After the protocol closed the link (or the node died) late arrivals are not delivered.
        // Frames decoded just before a malformed one still are: they were valid.
        if (link.node().callbacksAllowed() && !link.leaving()) {
            M message = (M) msg;
            guard("onMessage", () -> handler().onMessage(link, message));
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && link.takeAwaitingWritable() && link.node().callbacksAllowed() && link.isOpen()) {
            guard("onWritable", () -> handler().onWritable(link));
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        TcpNode<M> node = link.node();
        node.linkClosed(link);
        link.discardUnsent();
        failConnect("the connection closed while opening");
        if (link.markClosedNotified() && node.callbacksAllowed()) {
            String reason = link.reasonOr("closed by the remote peer");
            guard("onClosed", () -> handler().onClosed(link, reason));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent e && e.state() == IdleState.READER_IDLE) {
            link.closeNow("idle for " + formatSeconds(link.node().config().idleTimeout().toMillis()) + " s");
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            String text = String.valueOf(cause.getMessage());
            link.closeNow(text.toLowerCase().contains("reset")
                    ? "connection reset by " + link.remote() + " (the peer crashed or was killed)"
                    : "connection to " + link.remote() + " lost: " + text);
        } else {
            link.closeNow("transport error: " + cause);
        }
    }

    /** Runs a protocol callback; if it throws, closes this link and says so. */
    private void guard(String callback, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            String what = "protocol error in " + callback + " at " + link.node().label() + ": " + e;
            LOG.log(System.Logger.Level.WARNING, what, e);
            link.node().countHandlerError(what);
            link.closeNow(what);
        }
    }

    private void failConnect(String why) {
        if (connectResult != null && !connectResult.isDone()) {
            connectResult.completeExceptionally(new ConnectFailedException("could not connect to " + link.remote() + ": " + why));
        }
    }

    private static String formatSeconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
