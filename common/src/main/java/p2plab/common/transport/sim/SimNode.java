package p2plab.common.transport.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import p2plab.common.metrics.PeerCounters;
import p2plab.common.time.Cancellable;
import p2plab.common.time.Clock;
import p2plab.common.time.VirtualClock;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeSeeds;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.WireFormat;

/**
 * A simulated node: its address, access link, counters and connections. Kept small, because a
 * simulation may hold a million of them; connections and randomness are made on first use.
 */
final class SimNode<M> implements Node<M>, Clock {
    final SimTransport sim;
    final int index;
    final Address address;
    final NodeConfig config;
    final WireFormat<M> format;
    final PeerHandler<M> handler;
    final PeerCounters counters;
    final int typeBase;
    final AccessLink uplink;
    final AccessLink downlink;
    boolean alive = true;
    long diedAt = Long.MAX_VALUE;
    /** Links with messages waiting for the uplink, served round robin; null until first needed. */
    ArrayDeque<SimLink<M>> waiting;
    boolean transmitting;
    private List<SimLink<M>> links;
    private RandomGenerator random;

    SimNode(SimTransport sim, int index, Address address, NodeConfig config, WireFormat<M> format,
            PeerHandler<M> handler, PeerCounters counters, int typeBase) {
        this.sim = sim;
        this.index = index;
        this.address = address;
        this.config = config;
        this.format = format;
        this.handler = handler;
        this.counters = counters;
        this.typeBase = typeBase;
        this.uplink = AccessLink.of(config.uploadBytesPerSec());
        this.downlink = AccessLink.of(config.downloadBytesPerSec());
    }

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
        return this;
    }

    // The node is its own clock: virtual time, but its timers die with it.
    @Override
    public long nanos() {
        return sim.virtualClock().nanos();
    }

    @Override
    public Cancellable scheduleNanos(long delayNanos, Runnable task) {
        VirtualClock clock = sim.virtualClock();
        return clock.schedule(new VirtualClock.Event() {
            @Override
            protected void fire() {
                if (alive) {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        sim.taskThrew(SimNode.this, e);
                    }
                }
            }
        }, clock.nanos() + Math.max(0, delayNanos));
    }

    @Override
    public RandomGenerator random() {
        if (random == null) {
            random = new SplittableRandom(NodeSeeds.of(sim.config().seed(), index));
        }
        return random;
    }

    @Override
    public CompletableFuture<Link<M>> connect(Address remote) {
        return sim.connect(this, remote);
    }

    @Override
    public void sendDatagram(Address to, M message) {
        sim.sendDatagram(this, to, message);
    }

    @Override
    public Collection<Link<M>> links() {
        return links == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(links));
    }

    List<SimLink<M>> linkList() {
        if (links == null) {
            links = new ArrayList<>(4);
        }
        return links;
    }

    @Override
    public void execute(Runnable task) {
        scheduleNanos(0, task);
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    @Override
    public void kill() {
        sim.kill(this);
    }

    @Override
    public void close() {
        sim.closeNode(this);
    }

    Duration idleTimeout() {
        return config.idleTimeout();
    }

    @Override
    public String toString() {
        return label() + "@" + address;
    }
}
