package p2plab.labs.view;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import p2plab.common.overlay.Network;

/**
 * The live view's server: HTTP for the page and its assets, and a WebSocket on
 * {@value Assets#WEBSOCKET} that streams {@link Frames} to every open page. Every
 * {@value #TICK_MILLIS} ms it takes at most {@value #MAX_BATCH} events from the {@link EventHub}
 * and looks at the current network's topology, so a busy network sends the page bounded batches.
 *
 * <p>A replay server has no network: it sends the recorded lines to each page that connects,
 * and the page plays them with its own controls.
 *
 * <p>What browsers can make it hold is bounded by its {@link Limits}: connections, time for a
 * request, and frames waiting for a page that does not read.
 */
public final class ViewServer implements AutoCloseable {
    static final int TICK_MILLIS = 100;
    static final int MAX_BATCH = 5_000;
    /** Set on a connection once its WebSocket is open: a page, not an HTTP request. */
    private static final AttributeKey<Boolean> PAGE = AttributeKey.valueOf("p2plab.view.page");
    /** Ticks in a row a page has been more than {@link Limits#slowPageBytes} behind. */
    private static final AttributeKey<Integer> TICKS_BEHIND = AttributeKey.valueOf("p2plab.view.behind");
    /**
     * Most of a recording that waits for one replay page: each page gets a copy of its own
     * (a live page shares the frames every page gets), and a page may wait for ever.
     */
    private static final int REPLAY_BUFFER_BYTES = 1 << 20;

    /**
     * What browsers may cost the server, whoever they are (with {@code --bind} anyone who can
     * reach the address).
     *
     * @param connections     connections open at once (pages and requests); one more is closed as accepted
     * @param requestDeadline time a connection has for its request and the answer (a page, once open, has none)
     * @param slowPageBytes   frames that may wait for a page that does not read
     * @param slowPageTicks   ticks in a row a page may stay that far behind before it is closed
     */
    record Limits(int connections, Duration requestDeadline, int slowPageBytes, int slowPageTicks) {
        static final Limits DEFAULTS = new Limits(256, Duration.ofSeconds(10), 16 << 20, 10);
    }

    /** Which network to follow, by name; null when there is none. */
    public record Followed(String name, Network network) {
    }

    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup pages = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Limits limits;
    private final EventHub hub = new EventHub();
    private final NetworkWatcher watcher = new NetworkWatcher();
    private final Supplier<Followed> follow;
    private final List<String> replay;
    private final BufferedWriter record;
    private final Channel server;
    private ScheduledFuture<?> ticking;
    private Network listening;
    private volatile String lastTopology;
    /** Where the page's speed control goes (the simulation's pace); null: the page only animates slower or faster. */
    private volatile DoubleConsumer speedControl;
    private long seq;
    private boolean closed;

    private ViewServer(String bind, int port, Supplier<Followed> follow, List<String> replay, BufferedWriter record,
            Limits limits) {
        this.limits = limits;
        this.follow = follow;
        this.replay = replay;
        this.record = record;
        try {
            server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (connections.size() >= limits.connections()) {
                                ch.close();
                                return;
                            }
                            connections.add(ch);
                            ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(limits.slowPageBytes() / 2, limits.slowPageBytes()));
                            ch.eventLoop().schedule(() -> {
                                if (!ch.hasAttr(PAGE)) {
                                    ch.close(); // no request, or one sent a byte at a time
                                }
                            }, limits.requestDeadline().toMillis(), TimeUnit.MILLISECONDS);
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192), new SameOrigin(),
                                    new WebSocketServerProtocolHandler(Assets.WEBSOCKET, null, false, 4096),
                                    new Page(), new PageControl(), new HttpHandler());
                        }
                    })
                    .bind(new InetSocketAddress(bind, port)).sync().channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalArgumentException("cannot serve the view on " + bind + ":" + port + " (" + e.getMessage()
                    + "); choose another --port, or 0 for any free one", e);
        }
        if (replay == null) {
            ticking = group.next().scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Serves a live view of whatever network {@code follow} names; {@code record} (may be null) gets every frame. */
    public static ViewServer live(String bind, int port, Supplier<Followed> follow, BufferedWriter record) {
        return live(bind, port, follow, record, Limits.DEFAULTS);
    }

    static ViewServer live(String bind, int port, Supplier<Followed> follow, BufferedWriter record, Limits limits) {
        return new ViewServer(bind, port, follow, null, record, limits);
    }

    /** Serves a recording: every page that connects gets its frames. */
    public static ViewServer replay(String bind, int port, List<String> lines) {
        return replay(bind, port, lines, Limits.DEFAULTS);
    }

    static ViewServer replay(String bind, int port, List<String> lines, Limits limits) {
        return new ViewServer(bind, port, () -> null, List.copyOf(lines), null, limits);
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public String url() {
        InetSocketAddress a = (InetSocketAddress) server.localAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    /** Pages connected now. */
    public int pages() {
        return pages.size();
    }

    EventHub hub() {
        return hub;
    }

    /** One batch: the events since the last, and the graph when its shape changed. Runs on the server's loop. */
    void tick() {
        try {
            Followed f = follow.get();
            Network n = f == null ? null : f.network();
            if (n != listening) {
                if (listening != null) {
                    listening.transport().metrics().listen(null);
                }
                if (n != null) {
                    n.transport().metrics().listen(hub);
                }
                listening = n;
            }
            NetworkWatcher.Change c;
            try {
                c = watcher.look(n, f == null ? null : f.name());
            } catch (RuntimeException busy) {
                // The simulation was changing the graph under us (it runs on the shell's thread); look again next tick.
                c = new NetworkWatcher.Change(null, List.of());
            }
            closeSlowPages();
            List<ViewEvent> events = new ArrayList<>(c.events());
            events.addAll(hub.drain(MAX_BATCH - events.size()));
            if (!events.isEmpty()) {
                send(Frames.json(new Frames.Batch(++seq, System.currentTimeMillis(), events, hub.shed())));
            }
            if (c.topology() != null) {
                String t = Frames.json(c.topology());
                lastTopology = t;
                send(t);
            }
        } catch (RuntimeException e) {
            // A tick must never stop the ticking; the next one looks again.
        }
    }

    /**
     * A page that has not taken {@link Limits#slowPageBytes} of frames for
     * {@link Limits#slowPageTicks} ticks in a row is closed: a page that stopped reading would
     * otherwise make the server hold every frame for it (about 5 MB a second when busy).
     */
    private void closeSlowPages() {
        for (Channel page : pages) {
            Integer before = page.attr(TICKS_BEHIND).get();
            int behind = page.isWritable() ? 0 : (before == null ? 0 : before) + 1;
            page.attr(TICKS_BEHIND).set(behind);
            if (behind >= limits.slowPageTicks()) {
                page.close();
            }
        }
    }

    private void send(String frame) {
        pages.writeAndFlush(new TextWebSocketFrame(frame));
        if (record != null) {
            try {
                record.write(frame);
                record.newLine();
                record.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Lets the page's speed control set the pace of a simulated network too: {@code speed}
     * receives the factor the page chose (0.25 to 8). Over TCP, and in a replay, nobody listens
     * and the control only changes the animation.
     */
    public void onSpeed(DoubleConsumer speed) {
        this.speedControl = speed;
    }

    /** The one message a page may send: {@code {"speed":2.5}}; anything else is ignored. */
    private final class PageControl extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private static final Pattern SPEED = Pattern.compile("\\{\\s*\"speed\"\\s*:\\s*([0-9]{1,3}(?:\\.[0-9]{1,4})?)\\s*}");

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            Matcher m = SPEED.matcher(frame.text());
            DoubleConsumer control = speedControl;
            if (control != null && m.matches()) {
                double factor = Double.parseDouble(m.group(1));
                if (factor >= 0.25 && factor <= 8) {
                    control.accept(factor);
                }
            }
        }
    }

    /**
     * A connection once its WebSocket opened: greets it with the graph as it is, or feeds it the
     * recording as fast as it reads. While it does not read, nothing more is read from it
     * either (a page sending pings and never reading the pongs cannot pile them up here).
     */
    private final class Page extends ChannelInboundHandlerAdapter {
        private int nextLine = -1;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                ctx.channel().attr(PAGE).set(Boolean.TRUE);
                ctx.channel().writeAndFlush(new TextWebSocketFrame("{\"frame\":\"hello\",\"mode\":\"" + (replay != null ? "replay" : "live") + "\"}"));
                if (replay != null) {
                    int most = Math.min(REPLAY_BUFFER_BYTES, limits.slowPageBytes());
                    ctx.channel().config().setWriteBufferWaterMark(new WriteBufferWaterMark(most / 2, most));
                    nextLine = 0;
                    feed(ctx.channel());
                } else {
                    String t = lastTopology;
                    if (t != null) {
                        ctx.channel().writeAndFlush(new TextWebSocketFrame(t));
                    }
                    pages.add(ctx.channel());
                }
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            Channel ch = ctx.channel();
            if (ch.hasAttr(PAGE)) {
                ch.config().setAutoRead(ch.isWritable());
                if (ch.isWritable()) {
                    feed(ch);
                }
            }
            super.channelWritabilityChanged(ctx);
        }

        /** The recording's next lines, while the page keeps up: a page holds at most the write buffer, not a copy of the file. */
        private void feed(Channel ch) {
            if (nextLine < 0) {
                return;
            }
            while (nextLine < replay.size() && ch.isWritable()) {
                ch.write(new TextWebSocketFrame(replay.get(nextLine++)));
            }
            ch.flush();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return; // the view command and the session may both close it
        }
        closed = true;
        if (ticking != null) {
            ticking.cancel(false);
        }
        try {
            group.submit(() -> {
                if (listening != null) {
                    listening.transport().metrics().listen(null);
                    listening = null;
                }
            }).await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pages.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        if (record != null) {
            try {
                record.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
