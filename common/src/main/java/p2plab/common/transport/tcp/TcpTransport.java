package p2plab.common.transport.tcp;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import p2plab.common.metrics.Metrics;
import p2plab.common.time.Clock;
import p2plab.common.time.RealClock;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.NodeSeeds;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.Transport;
import p2plab.common.transport.WireFormat;

/**
 * The real-network driver of the shared {@link Transport}: every node is a TCP server on
 * 127.0.0.1 (by default), every link a real socket, all carried by Netty.
 *
 * <p>This class only owns what the nodes share: the Netty event-loop group (a few threads for
 * hundreds of nodes), the {@link Metrics}, and the wall clock that all node clocks start from.
 * Each node is a {@link TcpNode}, pinned to one event loop so that one peer's events run one at a
 * time; {@link PeerChannelInitializer} shows what a connection's pipeline looks like.
 *
 * <p>From the outside, {@link #await} and {@link #advance} simply wait in real time, shortened by
 * the time scale: protocol time runs {@code timeScale} times faster than the wall clock.
 */
public final class TcpTransport implements Transport {
    private static final AtomicInteger TRANSPORTS = new AtomicInteger();

    static {
        // Netty 4.2 reports its buffer allocations as Flight Recorder events when the JDK has
        // JFR; at the first buffer the JDK then defines about 45 classes for them (annotation
        // proxies, generated event handlers) on the event loop, inside a BitTorrent client's
        // first tracker round trip (docs/benchmarks.md, issue 18). We record none of them;
        // -Dio.netty.jfr.enabled=true still turns them on.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        // Netty logs through java.util.logging here anyway (the project ships no SLF4J or Log4j);
        // saying so at once spares it trying, and failing to initialise, each of those first.
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
    }

    private final TcpOptions options;
    private final MultiThreadIoEventLoopGroup group;
    private final String threadPrefix;
    private final long originNanos = System.nanoTime();
    private final RealClock clock;
    private final Metrics metrics;
    private final List<TcpNode<?>> nodes = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger nodeCounter = new AtomicInteger();
    private volatile boolean closed;

    /** Loopback, real time, seed 0, one I/O thread per core. */
    public TcpTransport() {
        this(TcpOptions.defaults());
    }

    public TcpTransport(TcpOptions options) {
        this.options = options;
        this.threadPrefix = "p2plab-tcp-" + TRANSPORTS.incrementAndGet();
        // Remember the event-loop threads, so close() can wait until each has really ended.
        DefaultThreadFactory factory = new DefaultThreadFactory(threadPrefix, true) {
            @Override
            protected Thread newThread(Runnable r, String name) {
                Thread t = super.newThread(r, name);
                threads.add(t);
                return t;
            }
        };
        this.group = new MultiThreadIoEventLoopGroup(options.effectiveIoThreads(), factory, NioIoHandler.newFactory());
        this.clock = new RealClock(group.next(), options.timeScale(), originNanos);
        this.metrics = new Metrics(clock::nanos);
    }

    public TcpOptions options() {
        return options;
    }

    @Override
    public boolean paysTcpCosts() {
        return true; // real sockets: the kernel's TCP does slow start and recovery
    }

    @Override
    public String kind() {
        return "tcp";
    }

    @Override
    public <M> Node<M> open(NodeConfig config, WireFormat<M> format, PeerHandler<M> handler) {
        if (closed) {
            throw new IllegalStateException("this transport is closed; create a new one");
        }
        EventLoop loop = group.next();
        long nodeSeed = NodeSeeds.of(options.seed(), nodeCounter.getAndIncrement());
        RealClock nodeClock = new RealClock(loop, options.timeScale(), originNanos);
        TcpNode<M> node = new TcpNode<>(this, config, format, handler, loop, nodeClock, nodeSeed);
        node.bind();
        nodes.add(node);
        return node;
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public <T> T await(CompletionStage<T> stage, Duration timeout) throws TimeoutException {
        long realNanos = clock.toRealNanos(timeout.toNanos());
        try {
            return stage.toCompletableFuture().get(realNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("nothing happened within " + timeout.toMillis() + " ms of protocol time");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new CompletionException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the shell's Ctrl-C: the network carries on, the wait ends
            throw new CancellationException("cancelled");
        }
    }

    @Override
    public void advance(Duration duration) {
        // Only the driver (a test, the shell) sleeps; protocol code schedules on its clock instead.
        long deadline = System.nanoTime() + clock.toRealNanos(duration.toNanos());
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    /** Kills every node, then stops the event loops and waits until their threads are gone. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Future<?>> resets = new ArrayList<>();
        for (TcpNode<?> node : nodes) {
            resets.add(node.killLater());
        }
        for (Future<?> reset : resets) {
            reset.awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        nodes.clear();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5)); // the group reports "terminated" just before its threads exit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Protocol seconds per real second. */
    public double timeScale() {
        return options.timeScale();
    }

    // ---- for nodes and tests in this package ----

    void forget(TcpNode<?> node) {
        nodes.remove(node);
    }

    /** Names of this transport's threads start with this, so a test can check they stopped. */
    String threadPrefix() {
        return threadPrefix;
    }

    boolean isTerminated() {
        return group.isTerminated();
    }
}
