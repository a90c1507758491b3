package p2plab.common.transport.tcp;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.traffic.GlobalTrafficShapingHandler;
import io.netty.util.concurrent.Future;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import p2plab.common.metrics.Metrics;
import p2plab.common.metrics.PeerCounters;
import p2plab.common.time.Clock;
import p2plab.common.time.RealClock;
import p2plab.common.transport.Address;
import p2plab.common.transport.ConnectFailedException;
import p2plab.common.transport.Datagrams;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.WireFormat;

/**
 * One peer on the real network: a listening socket, its connections, its clock and its random
 * source, all pinned to ONE Netty event loop.
 *
 * <p>Why one loop: the server socket, every accepted connection, every outbound connection, every
 * timer of {@link #clock()} and every {@link #execute} task run on the same thread, so the
 * protocol's handler sees this peer's events one at a time and needs no locks. Many nodes share
 * a loop; a loop never runs two things at once.
 *
 * <p>Life cycle: OPEN, then either CLOSING ({@link #close()}: links flushed and closed, the
 * handler still hears about them) or KILLED ({@link #kill()}: sockets reset, the handler hears
 * nothing more). Timers and tasks of a node that is not alive are skipped.
 */
final class TcpNode<M> implements Node<M> {
    private enum State { OPEN, CLOSING, KILLED }

    /** Measuring interval of the traffic shaper: short enough to pace smoothly, long enough to be cheap. */
    private static final long SHAPER_CHECK_MILLIS = 100;
    private static final long SHAPER_MAX_WAIT_MILLIS = 3_600_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long STOP_WAIT_SECONDS = 5;

    private final TcpTransport transport;
    private final NodeConfig config;
    private final WireFormat<M> format;
    private final PeerHandler<M> handler;
    private final EventLoop loop;
    private final NodeClock clock;
    private final SplittableRandom random;
    private final PeerCounters counters;
    private final int typeBase;
    private final GlobalTrafficShapingHandler shaper;     // null when the node has no rate limits
    private final ChannelGroup channels;                  // every socket of this node, for kill()
    private int inbound;                                  // loop-only: accepted sockets still open
    private final Set<TcpLink<M>> links = new LinkedHashSet<>(); // guarded by itself
    private volatile State state = State.OPEN;
    private volatile Address address;
    private Channel serverChannel;
    private DatagramEndpoint<M> datagrams;                // null unless the format sends datagrams
    private final long seed;

    TcpNode(TcpTransport transport, NodeConfig config, WireFormat<M> format, PeerHandler<M> handler,
            EventLoop loop, RealClock realClock, long seed) {
        this.transport = transport;
        this.config = config;
        this.format = format;
        this.handler = handler;
        this.loop = loop;
        this.random = new SplittableRandom(seed);
        this.seed = seed;
        Metrics metrics = transport.metrics();
        this.counters = metrics.newPeer(config.label());
        this.clock = new NodeClock(realClock, this::isAlive, config.label(), this::countHandlerError);
        this.typeBase = metrics.registerTypes(format.overlay(), format.messageTypes());
        boolean limited = config.uploadBytesPerSec() > 0 || config.downloadBytesPerSec() > 0;
        // One shaper per node, shared by all its channels: the limit is the peer's access link,
        // not one connection's.
        this.shaper = limited ? newShaper(loop, config) : null;
        this.channels = new DefaultChannelGroup(config.label(), loop);
    }

    private static GlobalTrafficShapingHandler newShaper(EventLoop loop, NodeConfig config) {
        GlobalTrafficShapingHandler shaper = new GlobalTrafficShapingHandler(loop, config.uploadBytesPerSec(),
                config.downloadBytesPerSec(), SHAPER_CHECK_MILLIS);
        // Netty caps any one wait at 15 s by default, which would let a big burst of queued
        // messages leave faster than the limit; a peer's link is never faster than its rate.
        shaper.setMaxTimeWait(SHAPER_MAX_WAIT_MILLIS);
        return shaper;
    }

    /**
     * Starts listening; the parent and the child "groups" are both this node's single loop. A
     * node whose format sends datagrams also binds UDP on the same port number; when the OS
     * picked a TCP port whose UDP twin is taken, it tries another port.
     */
    void bind() {
        int limit = Datagrams.limitOf(format);
        for (int attempt = 0; ; attempt++) {
            bindStream();
            if (limit == 0) {
                return;
            }
            DatagramEndpoint<M> endpoint = new DatagramEndpoint<>(this, limit, transport.options().datagramLossRate(), seed);
            Throwable failed = endpoint.bind(address.host(), address.port());
            if (failed == null) {
                datagrams = endpoint;
                return;
            }
            serverChannel.close().awaitUninterruptibly();
            if (config.port() != 0 || attempt == 10) {
                if (shaper != null) {
                    shaper.release();
                }
                throw new IllegalArgumentException("cannot receive datagrams on " + address + " ("
                        + failed.getMessage() + "); pick another port, or 0 for any free one");
            }
        }
    }

    private void bindStream() {
        String host = transport.options().bindHost();
        ChannelFuture bound = new ServerBootstrap()
                .group(loop, loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new PeerChannelInitializer<>(this, null, null))
                .bind(host, config.port())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            if (shaper != null) {
                shaper.release();
            }
            throw new IllegalArgumentException("cannot listen on " + host + ":" + config.port() + " ("
                    + bound.cause().getMessage() + "); pick another port, or 0 for any free one");
        }
        serverChannel = bound.channel();
        address = new Address(host, ((InetSocketAddress) serverChannel.localAddress()).getPort());
    }

    // ---- Node ----

    @Override
    public Address address() {
        return address;
    }

    @Override
    public String label() {
        return config.label();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public CompletableFuture<Link<M>> connect(Address remote) {
        CompletableFuture<Link<M>> result = new CompletableFuture<>();
        if (!isAlive()) {
            result.completeExceptionally(new ConnectFailedException(label() + " cannot connect to " + remote + ": it is no longer alive"));
            return result;
        }
        ChannelFuture connecting = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new PeerChannelInitializer<>(this, remote, result))
                .connect(new InetSocketAddress(remote.host(), remote.port()));
        // On success the handler completes `result` after onConnected; here we only translate failures.
        connecting.addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(isAlive() ? connectFailure(remote, f.cause())
                        : new ConnectFailedException(label() + " stopped before its connection to " + remote + " was open"));
            }
        });
        return result;
    }

    private static ConnectFailedException connectFailure(Address remote, Throwable cause) {
        if (cause instanceof ConnectException && !(cause instanceof ConnectTimeoutException)) {
            return new ConnectFailedException("nobody listens at " + remote);
        }
        return new ConnectFailedException("could not connect to " + remote + ": "
                + (cause.getMessage() != null ? cause.getMessage() : cause.toString()));
    }

    @Override
    public void sendDatagram(Address to, M message) {
        if (datagrams == null) {
            Datagrams.checkSendable(format, label(), 0); // explains that this format sends none
        }
        datagrams.send(to, message);
    }

    /** Runs the handler's code on this loop now, logging (not losing) what it throws. */
    void runProtocol(Runnable task, String what) {
        clock.runIfAlive(task, what);
    }

    @Override
    public Collection<Link<M>> links() {
        synchronized (links) {
            return List.copyOf(links);
        }
    }

    @Override
    public void execute(Runnable task) {
        try {
            loop.execute(() -> clock.runIfAlive(task, "a task passed to execute()"));
        } catch (RejectedExecutionException e) {
            // The transport is closed, so this node is gone: nothing left to run the task for.
        }
    }

    @Override
    public boolean isAlive() {
        return state == State.OPEN;
    }

    /** Crash: every socket reset (SO_LINGER 0), pending writes thrown away, the handler silenced. */
    @Override
    public void kill() {
        if (state == State.KILLED) {
            return;
        }
        state = State.KILLED;
        runOnLoopAndWait(this::resetEverything);
        transport.forget(this);
    }

    /** Kill without waiting, so that closing a transport resets a thousand nodes at once. */
    Future<?> killLater() {
        state = State.KILLED;
        try {
            return loop.submit(this::resetEverything);
        } catch (RejectedExecutionException e) {
            return loop.newSucceededFuture(null); // loop already shut down: sockets already closed
        }
    }

    private void resetEverything() {
        for (Channel ch : channels) {
            TcpLink.abort(ch);
        }
        if (serverChannel != null) {
            serverChannel.close();
        }
        if (datagrams != null) {
            datagrams.close();
        }
        synchronized (links) {
            links.clear();
        }
        if (shaper != null) {
            shaper.release();
        }
    }

    /** Leaving: stop listening, then flush and close every link; the handler hears each close. */
    @Override
    public void close() {
        if (state != State.OPEN) {
            return;
        }
        state = State.CLOSING;
        runOnLoopAndWait(() -> {
            serverChannel.close();
            if (datagrams != null) {
                datagrams.close();
            }
            List<TcpLink<M>> open;
            synchronized (links) {
                open = List.copyOf(links);
            }
            for (TcpLink<M> link : open) {
                link.closeGracefully("this peer left");
            }
            for (Channel ch : channels) {
                if (!ch.isActive()) {
                    ch.close(); // a connect still under way
                }
            }
            channels.newCloseFuture().addListener(f -> {
                if (shaper != null) {
                    shaper.release();
                }
                transport.forget(this);
            });
        });
    }

    private void runOnLoopAndWait(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.submit(task).awaitUninterruptibly(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            // Java closes a socket registered with a selector only at the loop's next select, and
            // until then a listening port still accepts. A timer runs only after another select,
            // so waiting for one means the port really is closed when kill()/close() return.
            loop.schedule(() -> { }, 1, TimeUnit.MILLISECONDS).awaitUninterruptibly(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // The event loop is already shut down, which closed every socket of this node.
        }
    }

    @Override
    public String toString() {
        return label() + "@" + address;
    }

    // ---- for the pipeline (all called on this node's loop) ----

    EventLoop loop() {
        return loop;
    }

    WireFormat<M> format() {
        return format;
    }

    PeerHandler<M> handler() {
        return handler;
    }

    NodeConfig config() {
        return config;
    }

    /** The traffic shaper shared by all channels, or null when unlimited. */
    GlobalTrafficShapingHandler shaper() {
        return shaper;
    }

    int maxBufferedBytes() {
        return transport.options().maxBufferedBytes();
    }

    /** Real nanoseconds for a protocol-time duration (idle timeouts are in protocol time). */
    long toRealNanos(long protocolNanos) {
        return clock.real().toRealNanos(protocolNanos);
    }

    /** True unless killed: a closing node still hears about its links closing. */
    boolean callbacksAllowed() {
        return state != State.KILLED;
    }

    /**
     * An accepted socket takes a place among {@code maxInbound}, given back when it closes; false
     * (the socket is to be closed, and is counted as rejected) when none is free.
     */
    boolean admitInbound(Channel channel) {
        if (inbound >= transport.options().maxInbound()) {
            countRejected();
            return false;
        }
        inbound++;
        channel.closeFuture().addListener(f -> inbound--);
        return true;
    }

    /** A new socket; returns false when the node no longer takes any. */
    boolean track(Channel channel) {
        channels.add(channel);
        return isAlive();
    }

    void linkOpened(TcpLink<M> link) {
        synchronized (links) {
            links.add(link);
        }
    }

    void linkClosed(TcpLink<M> link) {
        synchronized (links) {
            links.remove(link);
        }
    }

    void countSent(M message, int bytes) {
        Metrics metrics = transport.metrics();
        metrics.sent(counters, typeBase + format.typeOf(message), bytes, metrics.tracing() ? format.traceKey(message) : null);
    }

    void countReceived(M message, int bytes) {
        Metrics metrics = transport.metrics();
        metrics.received(counters, typeBase + format.typeOf(message), bytes, metrics.tracing() ? format.traceKey(message) : null);
    }

    void countDropped(M message) {
        transport.metrics().dropped(counters, typeBase + format.typeOf(message));
    }

    void countRejected() {
        transport.metrics().rejected(counters);
    }

    /** This node's protocol code threw (already logged). */
    void countHandlerError(String what) {
        transport.metrics().handlerFailed(counters, what);
    }
}
