package p2plab.labs.view;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Serves the page's files; the WebSocket handler before it in the pipeline has taken the
 * upgrade on {@value Assets#WEBSOCKET}. GET only; anything not an asset is 404; a request the
 * decoder could not read (a request line over 4 KiB, headers over 8 KiB) is 400. One request a
 * connection: the connection closes after the answer, and requests sent behind the first are
 * not read (fifty pipelined GETs of d3 in one packet would otherwise queue fifty answers).
 */
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private boolean answered;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (answered) {
            return;
        }
        answered = true;
        ctx.channel().config().setAutoRead(false);
        if (req.decoderResult().isFailure()) {
            reply(ctx, status(HttpResponseStatus.BAD_REQUEST));
            return;
        }
        if (!req.method().equals(HttpMethod.GET) && !req.method().equals(HttpMethod.HEAD)) {
            FullHttpResponse r = status(HttpResponseStatus.METHOD_NOT_ALLOWED);
            r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            reply(ctx, r);
            return;
        }
        FullHttpResponse res = Assets.find(req.uri())
                .map(a -> {
                    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                            Unpooled.wrappedBuffer(a.body()));
                    r.headers().set(HttpHeaderNames.CONTENT_TYPE, a.contentType());
                    r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
                    return r;
                })
                .orElseGet(() -> status(HttpResponseStatus.NOT_FOUND));
        reply(ctx, res);
    }

    private static FullHttpResponse status(HttpResponseStatus s) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, s,
                Unpooled.copiedBuffer(s.toString() + "\n", StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return r;
    }

    private static void reply(ChannelHandlerContext ctx, FullHttpResponse res) {
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
