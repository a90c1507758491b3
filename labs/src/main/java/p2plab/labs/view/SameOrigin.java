package p2plab.labs.view;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Refuses, with 403, what another web site could send through the browser of whoever watches:
 * a request whose {@code Host} is a name rather than an address (a site whose name it made
 * point at 127.0.0.1, "DNS rebinding"), and a WebSocket opened by a page from another origin
 * (a site the lecturer has open could otherwise watch the stream and set the speed).
 */
final class SameOrigin extends ChannelInboundHandlerAdapter {
    /** An IPv4 address, a bracketed IPv6 one or localhost, with an optional port. */
    private static final Pattern ADDRESS_HOST = Pattern.compile("(?i)([0-9.]+|\\[[0-9a-f:.]+]|localhost)(:[0-9]{1,5})?");

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpRequest req && req.decoderResult().isSuccess() && !allowed(req)) {
            req.release();
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN,
                    Unpooled.copiedBuffer("403 Forbidden: open the view at the address `view` printed\n", StandardCharsets.UTF_8));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        super.channelRead(ctx, msg);
    }

    static boolean allowed(FullHttpRequest req) {
        String host = req.headers().get(HttpHeaderNames.HOST);
        if (host != null && !ADDRESS_HOST.matcher(host).matches()) {
            return false;
        }
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        return origin == null || !req.uri().startsWith(Assets.WEBSOCKET) || origin.equalsIgnoreCase("http://" + host);
    }
}
