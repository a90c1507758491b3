package p2plab.common.transport.sim;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import p2plab.common.metrics.Metrics;
import p2plab.common.time.Clock;
import p2plab.common.time.VirtualClock;
import p2plab.common.transport.Address;
import p2plab.common.transport.ConnectFailedException;
import p2plab.common.transport.Datagrams;
import p2plab.common.transport.Link;
import p2plab.common.transport.MalformedFrameException;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.Transport;
import p2plab.common.transport.WireFormat;

/**
 * The simulated transport: a discrete-event network in virtual time.
 *
 * <p>How long a message takes, from {@code send} to {@code onMessage}:
 * <ol>
 *   <li>it waits for the sender's uplink, which serves the node's connections round robin, one
 *       {@link #SEGMENT_BYTES}-byte segment at a time, and goes out at the uplink rate
 *       (serialization delay);</li>
 *   <li>each segment reaches the receiver one link latency after it started to go out;</li>
 *   <li>the receiver's downlink takes the segments in at the downlink rate, first come first
 *       served; the message is delivered when its last byte is in.</li>
 * </ol>
 * So a file of F bytes sent alone over an uplink u (to a downlink at least as fast) arrives
 * F/u plus one latency after it was sent, exactly; a busy downlink is shared first come first
 * served. Messages on one connection never overtake each other.
 *
 * <p>Everything random (per-node randomness, loss, uniform latency) derives from the seed,
 * and ties between events run in the order they were scheduled: the same seed gives the same
 * run, event for event. Single-threaded: the thread that calls {@link #await} or
 * {@link #advance} runs the network.
 */
public final class SimTransport implements Transport {
    /** The port a node listens on when its config asks for port 0. */
    public static final int DEFAULT_PORT = 6000;
    private static final System.Logger LOG = System.getLogger(SimTransport.class.getName());

    private final SimConfig config;
    private final VirtualClock clock = new VirtualClock();
    private final Metrics metrics = new Metrics(clock::nanos);
    private final SplittableRandom lossRandom;
    private final List<SimNode<?>> nodes = new ArrayList<>();
    private final Map<Address, SimNode<?>> listening = new HashMap<>();
    private final Map<String, String> hostByLabel = new HashMap<>();
    private boolean closed;
    /** The format of the node opened last and its first type id: a network opens its nodes in a row with one format. */
    private WireFormat<?> lastFormat;
    private int lastTypeBase;
    private BooleanSupplier cancelled = () -> false;

    public SimTransport(SimConfig config) {
        this.config = config;
        this.lossRandom = new SplittableRandom(LatencyModel.mix(config.seed() ^ 0x5DEECE66DL));
    }

    public static SimTransport withSeed(long seed) {
        return new SimTransport(SimConfig.seeded(seed));
    }

    public SimConfig config() {
        return config;
    }

    /**
     * From now on {@link #await} and {@link #advance} stop between two events, with a
     * {@link CancellationException}, once {@code cancelled} says so; the shell passes "my thread
     * was interrupted" (Ctrl-C). Every peer stays as the last event left it.
     */
    public SimTransport cancelWhen(BooleanSupplier cancelled) {
        this.cancelled = cancelled;
        return this;
    }

    VirtualClock virtualClock() {
        return clock;
    }

    @Override
    public String kind() {
        return "sim";
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Events run so far (for benchmarks and reports). */
    public long eventsRun() {
        return clock.eventsRun();
    }

    /** Nodes ever opened, dead ones included. */
    public int nodeCount() {
        return nodes.size();
    }

    /**
     * Opens a node. Its address is a made-up loopback host, the same for every node opened
     * with the same label (so a revived peer comes back where it was), and the config's port.
     * Port 0 means any free port, as over TCP: {@link #DEFAULT_PORT}, or the next one up that no
     * running node of that host listens on.
     */
    @Override
    public <M> Node<M> open(NodeConfig nodeConfig, WireFormat<M> format, PeerHandler<M> handler) {
        if (closed) {
            throw new IllegalStateException("this simulated network is closed");
        }
        int index = nodes.size();
        String host = hostByLabel.computeIfAbsent(nodeConfig.label(), l -> hostFor(hostByLabel.size() + 1));
        Address address = new Address(host, nodeConfig.port() == 0 ? freePort(host) : nodeConfig.port());
        SimNode<?> current = listening.get(address);
        if (current != null && current.alive) {
            throw new IllegalStateException("address " + address + " is in use by " + current.label());
        }
        if (format != lastFormat) {
            Datagrams.limitOf(format);
            lastTypeBase = metrics.registerTypes(format.overlay(), format.messageTypes());
            lastFormat = format;
        }
        int typeBase = lastTypeBase;
        SimNode<M> node = new SimNode<>(this, index, address, nodeConfig, format, handler,
                metrics.newPeer(nodeConfig.label()), typeBase);
        nodes.add(node);
        listening.put(address, node);
        return node;
    }

    private int freePort(String host) {
        int port = DEFAULT_PORT;
        for (SimNode<?> n = listening.get(new Address(host, port)); n != null && n.alive; n = listening.get(new Address(host, port))) {
            port++;
        }
        return port;
    }

    /** 127.a.b.c for the n-th host: loopback addresses that no real packet is ever sent to. */
    private static String hostFor(int n) {
        if (n >= 1 << 24) {
            throw new IllegalStateException("a simulation holds at most 16,777,215 hosts");
        }
        return "127." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    // ---- connections ----

    <M> CompletableFuture<Link<M>> connect(SimNode<M> from, Address remote) {
        CompletableFuture<Link<M>> result = new CompletableFuture<>();
        if (!from.alive) {
            result.completeExceptionally(new ConnectFailedException(from.label() + " is not running"));
            return result;
        }
        SimNode<?> target = listening.get(remote);
        long now = clock.nanos();
        long latency = target == null ? config.latency().nanos(from.index, from.index) : config.latency().nanos(from.index, target.index);
        // The connection request reaches the target after one latency; its answer comes back after another.
        clock.schedule(new VirtualClock.Event() {
            @Override
            protected void fire() {
                accept(from, remote, target, latency, result);
            }
        }, now + latency);
        return result;
    }

    /**
     * The request reaches {@code remote}. {@code listener} is who listened there when it was sent:
     * still alive, it still listens there (two running nodes never share an address), so the
     * table is read again only when it is gone.
     */
    @SuppressWarnings("unchecked")
    private <M> void accept(SimNode<M> from, Address remote, SimNode<?> listener, long latency, CompletableFuture<Link<M>> result) {
        SimNode<?> found = listener != null && listener.alive ? listener : listening.get(remote);
        long answerAt = clock.nanos() + latency;
        if (found == null || !found.alive || found.format.getClass() != from.format.getClass()) {
            String why = found == null || !found.alive ? "nobody listens at " + remote : remote + " speaks another protocol";
            clock.schedule(new VirtualClock.Event() {
                @Override
                protected void fire() {
                    result.completeExceptionally(new ConnectFailedException(why));
                }
            }, answerAt);
            return;
        }
        SimNode<M> target = (SimNode<M>) found;
        SimLink<M> outbound = new SimLink<>(from, remote, true, latency);
        SimLink<M> inbound = new SimLink<>(target, from.address, false, latency);
        outbound.twin = inbound;
        inbound.twin = outbound;
        if (config.wireCheck()) {
            outbound.decoder = from.format.newDecoder();
            inbound.decoder = target.format.newDecoder();
        }
        target.linkList().add(inbound);
        // Scheduled before the target's own callback runs, so the opener hears "connected"
        // before any message the target sends in onConnected.
        clock.schedule(new VirtualClock.Event() {
            @Override
            protected void fire() {
                if (!from.alive) {
                    outbound.open = false;
                    closeLater(inbound, "connection lost: the peer that opened it crashed", answerAt - clock.nanos());
                    return;
                }
                from.linkList().add(outbound);
                if (outbound.open) {
                    guard(outbound, "onConnected", () -> from.handler.onConnected(outbound));
                }
                result.complete(outbound);
            }
        }, answerAt);
        guard(inbound, "onConnected", () -> target.handler.onConnected(inbound));
    }

    // ---- messages ----

    /**
     * The uplink interleaves connections one segment at a time, by default the size of a TCP
     * segment on an Ethernet path, so a small message waits for one segment per other busy
     * connection ({@link SimConfig#segmentBytes} may make the unit larger).
     */
    static final int SEGMENT_BYTES = 1460;

    /** A message waiting for its sender's uplink, and how much of it has gone out. */
    static final class Outgoing<M> {
        final M message;
        final byte[] wire;
        final int typeId;
        final int bytes;
        final Object traceKey;
        int left;
        boolean lost;
        /** Latest time a byte of it is in at the receiver, so far (its delivery time once {@code left == 0}). */
        long arrives;

        Outgoing(M message, byte[] wire, int typeId, int bytes, Object traceKey) {
            this.message = message;
            this.wire = wire;
            this.typeId = typeId;
            this.bytes = bytes;
            this.traceKey = traceKey;
            this.left = bytes;
        }
    }

    <M> void send(SimLink<M> link, M message) {
        SimNode<M> from = link.local;
        WireFormat<M> format = from.format;
        int typeId = from.typeBase + format.typeOf(message);
        byte[] wire = config.wireCheck() ? format.encode(message) : null;
        int bytes = wire != null ? wire.length : format.sizeOf(message);
        Object traceKey = metrics.tracing() ? format.traceKey(message) : null;
        metrics.sent(from.counters, typeId, bytes, traceKey);
        if (!link.open || !from.alive) {
            metrics.dropped(from.counters, typeId);
            return;
        }
        if (from.uplink.unlimited()) {
            // What receive and deliver do for a message that leaves at once, without an
            // Outgoing to carry it: a simulation with unlimited links sends millions of these.
            if (lost(link, typeId)) {
                return;
            }
            long now = clock.nanos();
            SimLink<M> to = link.twin;
            long in = Math.max(now + link.latencyNanos, to.local.downlink.reserve(now + link.latencyNanos, bytes));
            long received = Math.max(in, to.lastArrival);
            to.lastArrival = received;
            clock.schedule(new Delivery<>(to, message, wire, typeId, bytes, traceKey, now), received);
            return;
        }
        Outgoing<M> out = new Outgoing<>(message, wire, typeId, bytes, traceKey);
        // The uplink serves the node's connections round robin, one segment at a time, as an
        // access link interleaves the packets of several TCP flows: a small request on one
        // connection waits for one segment per busy connection, not for whole queued blocks.
        if (link.queueIsEmpty()) {
            if (from.waiting == null) {
                from.waiting = new ArrayDeque<>(4);
            }
            from.waiting.add(link);
        }
        link.enqueue(out);
        if (!from.transmitting) {
            transmitNext(from);
        }
    }

    <M> void shed(SimLink<M> link, M message) {
        SimNode<M> from = link.local;
        metrics.dropped(from.counters, from.typeBase + from.format.typeOf(message));
    }

    /** Puts the next segment of the next waiting connection on the node's uplink and books the uplink until it is out. */
    private <M> void transmitNext(SimNode<M> node) {
        SimLink<M> link = node.waiting == null ? null : node.waiting.poll();
        if (link == null) {
            node.transmitting = false;
            return;
        }
        Outgoing<M> out = link.queuePeek();
        node.transmitting = true;
        long now = clock.nanos();
        if (out.left == out.bytes) {
            out.lost = lost(link, out.typeId); // it still takes its uplink time: it is lost on the way
        }
        int segment = Math.min(config.segmentBytes(), out.left);
        long sent = node.uplink.reserve(now, segment);
        out.left -= segment;
        if (!out.lost) {
            receive(link, out, segment, now, sent);
        }
        if (out.left == 0) {
            link.queuePoll();
            if (!out.lost) {
                deliver(link, out, sent);
            }
            if (link.queueIsEmpty() && link.awaitingWritable) {
                link.awaitingWritable = false;
                notifyWritable(link); // its last message is on the wire: the sender may queue the next
            }
        }
        if (!link.queueIsEmpty()) {
            node.waiting.add(link); // back of the round
        } else if (link.closing) {
            link.closing = false;
            closeLater(link.twin, link.closingReason, link.latencyNanos);
        }
        clock.schedule(new VirtualClock.Event() {
            @Override
            protected void fire() {
                transmitNext(node);
            }
        }, sent);
    }

    private <M> void notifyWritable(SimLink<M> link) {
        clock.schedule(new VirtualClock.Event() {
            @Override
            protected void fire() {
                if (link.open && link.local.alive) {
                    guard(link, "onWritable", () -> link.local.handler.onWritable(link));
                }
            }
        }, clock.nanos());
    }

    private <M> boolean lost(SimLink<M> link, int typeId) {
        if (config.lossRate() > 0 && lossRandom.nextDouble() < config.lossRate()) {
            metrics.dropped(link.local.counters, typeId);
            return true;
        }
        return false;
    }

    /**
     * {@code bytes} of the message leave the sender between {@code start} and {@code sent}: they
     * reach the receiver one latency later and pass its downlink, first come first served.
     */
    private <M> void receive(SimLink<M> link, Outgoing<M> out, int bytes, long start, long sent) {
        SimLink<M> to = link.twin;
        long in = Math.max(sent + link.latencyNanos, to.local.downlink.reserve(start + link.latencyNanos, bytes));
        out.arrives = Math.max(out.arrives, in);
    }

    /** The last byte of the message has left: it is delivered when that byte is in, never before an earlier one. */
    private <M> void deliver(SimLink<M> link, Outgoing<M> out, long sentAt) {
        SimLink<M> to = link.twin;
        long received = Math.max(out.arrives, to.lastArrival);
        to.lastArrival = received;
        clock.schedule(new Delivery<>(to, out.message, out.wire, out.typeId, out.bytes, out.traceKey, sentAt), received);
    }

    /** Messages still waiting on {@code end} will never leave: count them as dropped. */
    private <M> void dropQueue(SimLink<M> end) {
        Outgoing<M> out;
        while ((out = end.queuePoll()) != null) {
            metrics.dropped(end.local.counters, out.typeId);
        }
        if (end.local.waiting != null) {
            end.local.waiting.remove(end);
        }
        end.closing = false;
    }

    /** A message on its way: when it fires, the last byte is in. */
    private final class Delivery<M> extends VirtualClock.Event {
        private final SimLink<M> to;
        private final M message;
        private final byte[] wire;
        private final int typeId;
        private final int bytes;
        private final Object traceKey;
        private final long sentAt;

        Delivery(SimLink<M> to, M message, byte[] wire, int typeId, int bytes, Object traceKey, long sentAt) {
            this.to = to;
            this.message = message;
            this.wire = wire;
            this.typeId = typeId;
            this.bytes = bytes;
            this.traceKey = traceKey;
            this.sentAt = sentAt;
        }

        @Override
        protected void fire() {
            SimNode<M> sender = to.twin.local;
            SimNode<M> receiver = to.local;
            // Lost if the receiver is gone or the sender crashed before the last byte left it.
            if (!to.open || !receiver.alive || sentAt > sender.diedAt) {
                metrics.dropped(sender.counters, typeId);
                return;
            }
            metrics.received(receiver.counters, typeId, bytes, traceKey);
            M delivered = message;
            if (wire != null) {
                try {
                    ByteBuffer in = ByteBuffer.wrap(wire);
                    delivered = to.decoder.decode(in);
                    if (delivered == null || in.hasRemaining()) {
                        throw new MalformedFrameException("the codec did not decode exactly the " + wire.length + " bytes it encoded");
                    }
                } catch (MalformedFrameException e) {
                    metrics.rejected(receiver.counters);
                    closeLink(to, "malformed frame from " + to.remote + ": " + e.getMessage(), "closed by the remote peer");
                    return;
                }
            }
            try {
                receiver.handler.onMessage(to, delivered);
            } catch (RuntimeException e) {
                handlerThrew(to, "onMessage", e);
            }
        }
    }

    // ---- protocol errors ----

    /** Runs a protocol callback about {@code link}; see {@link #handlerThrew}. */
    private <M> void guard(SimLink<M> link, String callback, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            handlerThrew(link, callback, e);
        }
    }

    /**
     * A protocol callback threw: logged, counted, and that link closed, exactly as over TCP. The
     * node keeps running, and the exception does not escape through {@link #await} into whoever
     * drives the simulation, where it could pass for a network failure.
     */
    private <M> void handlerThrew(SimLink<M> link, String callback, RuntimeException e) {
        String what = "protocol error in " + callback + " at " + link.local.label() + ": " + e;
        LOG.log(System.Logger.Level.WARNING, what, e);
        metrics.handlerFailed(link.local.counters, what);
        closeLink(link, what, "closed by the remote peer");
    }

    /** A timer or task of {@code node} threw: logged and counted; the node keeps running. */
    void taskThrew(SimNode<?> node, RuntimeException e) {
        String what = "a timer or task threw " + e;
        LOG.log(System.Logger.Level.WARNING, node.label() + ": " + what, e);
        metrics.handlerFailed(node.counters, what);
    }

    // ---- datagrams ----

    /**
     * One datagram, store and forward: it passes the sender's uplink (behind whatever the uplink
     * is already sending), travels one latency of the pair, then passes the receiver's downlink.
     * It may be lost (the seeded loss rate); it is dropped when nobody alive listens at
     * {@code to} when it arrives, or when its sender crashed before it left.
     */
    <M> void sendDatagram(SimNode<M> from, Address to, M message) {
        WireFormat<M> format = from.format;
        byte[] wire = config.wireCheck() ? format.encode(message) : null;
        int bytes = wire != null ? wire.length : format.sizeOf(message);
        Datagrams.checkSendable(format, from.label(), bytes);
        int typeId = from.typeBase + format.typeOf(message);
        Object traceKey = metrics.tracing() ? format.traceKey(message) : null;
        metrics.sent(from.counters, typeId, bytes, traceKey);
        SimNode<?> target = listening.get(to);
        boolean lost = config.lossRate() > 0 && lossRandom.nextDouble() < config.lossRate();
        if (!from.alive || target == null || lost) {
            metrics.dropped(from.counters, typeId);
            return;
        }
        long now = clock.nanos();
        long sent = from.uplink.reserve(now, bytes);
        long latency = config.latency().nanos(from.index, target.index);
        long arrives = Math.max(sent + latency, target.downlink.reserve(sent + latency, bytes));
        clock.schedule(new DatagramDelivery<>(from, target, to, new Outgoing<>(message, wire, typeId, bytes, traceKey), sent), arrives);
    }

    /** A datagram whose last byte is in at {@code target}; {@code out} holds what a link message holds. */
    private final class DatagramDelivery<M> extends VirtualClock.Event {
        private final SimNode<M> from;
        private final SimNode<?> target;
        private final Address to;
        private final Outgoing<M> out;
        private final long sentAt;

        DatagramDelivery(SimNode<M> from, SimNode<?> target, Address to, Outgoing<M> out, long sentAt) {
            this.from = from;
            this.target = target;
            this.to = to;
            this.out = out;
            this.sentAt = sentAt;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected void fire() {
            if (!target.alive || listening.get(to) != target || sentAt > from.diedAt) {
                metrics.dropped(from.counters, out.typeId);
                return;
            }
            if (!target.format.overlay().equals(from.format.overlay())) {
                metrics.rejected(target.counters); // another protocol listens there: it cannot read this
                return;
            }
            SimNode<M> receiver = (SimNode<M>) target;
            M delivered = out.message;
            if (out.wire != null) {
                try {
                    delivered = receiver.format.decodeDatagram(ByteBuffer.wrap(out.wire));
                } catch (MalformedFrameException e) {
                    metrics.rejected(receiver.counters);
                    return;
                }
            }
            metrics.received(receiver.counters, out.typeId, out.bytes, out.traceKey);
            try {
                receiver.handler.onDatagram(from.address, delivered);
            } catch (RuntimeException e) {
                taskThrew(receiver, e); // as for a timer: logged and counted, the node keeps running
            }
        }
    }

    // ---- closing and crashing ----

    /** Closes {@code end} now and its twin once the messages already on the way have arrived. */
    <M> void closeLink(SimLink<M> end, String localReason, String remoteReason) {
        if (!end.open) {
            return;
        }
        end.open = false;
        end.local.linkList().remove(end);
        if (end.local.alive) {
            notifyClosed(end, localReason, 0);
        }
        if (end.queueIsEmpty()) {
            closeLater(end.twin, remoteReason, end.latencyNanos);
        } else {
            end.closing = true; // the remote hears of it after the last queued message
            end.closingReason = remoteReason;
        }
    }

    private <M> void closeLater(SimLink<M> end, String reason, long delayNanos) {
        long at = Math.max(clock.nanos() + delayNanos, end.lastArrival);
        clock.schedule(new VirtualClock.Event() {
            @Override
            protected void fire() {
                if (end.open || end.closing) {
                    dropQueue(end);
                }
                if (end.open) {
                    end.open = false;
                    end.local.linkList().remove(end);
                    if (end.local.alive) {
                        guard(end, "onClosed", () -> end.local.handler.onClosed(end, reason));
                    }
                }
            }
        }, at);
    }

    private <M> void notifyClosed(SimLink<M> end, String reason, long delayNanos) {
        clock.schedule(new VirtualClock.Event() {
            @Override
            protected void fire() {
                if (end.local.alive) {
                    guard(end, "onClosed", () -> end.local.handler.onClosed(end, reason));
                }
            }
        }, clock.nanos() + delayNanos);
    }

    /** A crash: the node stops at once; neighbours notice after the failure-detection delay. */
    <M> void kill(SimNode<M> node) {
        if (!node.alive) {
            return;
        }
        node.alive = false;
        node.diedAt = clock.nanos();
        long detect = config.failureDetection().toNanos();
        for (SimLink<M> end : node.linkList()) {
            end.open = false;
            dropQueue(end);
            closeLater(end.twin, "connection reset by " + end.twin.remote + " (the peer crashed or was killed)", detect); // as TCP words it
        }
        node.linkList().clear();
        if (node.waiting != null) {
            for (SimLink<M> closingEnd : new ArrayList<>(node.waiting)) {
                dropQueue(closingEnd); // links closed gracefully just before the crash
            }
        }
        listening.remove(node.address, node);
    }

    /** A polite departure: every connection closed after what was already sent. */
    <M> void closeNode(SimNode<M> node) {
        if (!node.alive) {
            return;
        }
        for (SimLink<M> end : new ArrayList<>(node.linkList())) {
            end.open = false;
            if (end.queueIsEmpty()) {
                closeLater(end.twin, "closed by the remote peer", end.latencyNanos);
            } else {
                end.closing = true; // flushed first, like a socket closed after its last write
                end.closingReason = "closed by the remote peer";
            }
        }
        node.linkList().clear();
        node.alive = false;
        node.diedAt = Long.MAX_VALUE; // what it already sent still arrives
        listening.remove(node.address, node);
    }

    // ---- driving the simulation ----

    @Override
    public <T> T await(CompletionStage<T> stage, Duration timeout) throws TimeoutException {
        CompletableFuture<T> future = stage.toCompletableFuture();
        long deadline = deadline(timeout);
        Interruption interrupted = new Interruption();
        if (!clock.runUntil(deadline, () -> future.isDone() || interrupted.seen(), false)) {
            if (clock.pending() == 0) {
                throw new TimeoutException("the simulation ran out of events before the operation completed");
            }
            clock.advanceTo(deadline);
            if (!future.isDone()) {
                throw new TimeoutException("not done after " + timeout.toMillis() + " ms of simulated time");
            }
        }
        interrupted.check();
        try {
            return future.join(); // done already: join never blocks here
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws CancellationException when {@link #cancelWhen} says so; time then stands at the
     *         last event run, and the network is as that event left it
     */
    @Override
    public void advance(Duration duration) {
        Interruption interrupted = new Interruption();
        clock.runUntil(deadline(duration), interrupted::seen, true);
        interrupted.check();
    }

    /**
     * Lets up to {@code duration} of simulated time pass, but stops between two events once
     * {@code giveUp} says so (the shell's live clock gives each tick a budget of real time).
     *
     * @return true if the whole duration passed
     */
    public boolean advance(Duration duration, BooleanSupplier giveUp) {
        return !clock.runUntil(deadline(duration), giveUp, true);
    }

    /** Runs events until none is left or {@code limit} of simulated time has passed. */
    public void runUntilIdle(Duration limit) {
        clock.runUntil(deadline(limit), () -> false, false);
    }

    private long deadline(Duration d) {
        long now = clock.nanos();
        long add = d.toNanos();
        return add > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + add;
    }

    /** Looks at {@link #cancelled} every few hundred events, so that the look costs nothing next to the events. */
    private final class Interruption {
        private static final int EVERY = 256;
        private int calls;
        private boolean seen;

        boolean seen() {
            if (!seen && (calls++ % EVERY) == 0) {
                seen = cancelled.getAsBoolean();
            }
            return seen;
        }

        void check() {
            if (seen || cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SimNode<?> node : nodes) {
            node.alive = false;
        }
        listening.clear();
        clock.clear();
    }
}
