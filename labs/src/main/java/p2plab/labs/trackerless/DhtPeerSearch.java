package p2plab.labs.trackerless;

import java.util.List;
import java.util.function.Consumer;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Address;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.krpc.NodeId;

/**
 * One torrent's presence in the DHT for one peer: announce_peer on the {@link DhtSchedule}
 * (seeding or downloading alike), and get_peers whenever the torrent is short of peers. Every
 * peer a lookup finds goes to {@code found}; the caller dials them.
 *
 * <p>Everything here runs on the DHT node's thread; {@link Swarm} is read from there too, so
 * its answers must be safe to read from another thread.
 */
public final class DhtPeerSearch {
    /** What the search needs to know of the torrent it serves. */
    public interface Swarm {
        /** Peers connected now. */
        int connectedPeers();

        /** True once every piece is here: a seed looks for nobody, it only announces. */
        boolean complete();
    }

    private final DhtNode dht;
    private final NodeId infoHash;
    private final int port;
    private final DhtSchedule schedule;
    private final Swarm swarm;
    private final Consumer<List<Address>> found;
    private Cancellable announceTimer = Cancellable.NONE;
    private Cancellable lookupTimer = Cancellable.NONE;
    private volatile boolean stopped;
    private volatile int announces;
    private volatile int lookups;

    /**
     * @param port the BitTorrent peer's listening port, which goes into announce_peer (the DHT
     *             node's own port is another one)
     */
    public DhtPeerSearch(DhtNode dht, byte[] infoHash, int port, DhtSchedule schedule, Swarm swarm, Consumer<List<Address>> found) {
        this.dht = dht;
        this.infoHash = NodeId.of(infoHash);
        this.port = port;
        this.schedule = schedule;
        this.swarm = swarm;
        this.found = found;
    }

    /** Announces now (which looks up peers too), then keeps to the schedule until {@link #stop}. */
    public void start() {
        dht.node().execute(() -> {
            if (stopped) {
                return;
            }
            announce();
            lookupTimer = dht.node().clock().every(schedule.lookupEvery(), this::lookupIfShort);
        });
    }

    public void stop() {
        stopped = true;
        dht.node().execute(() -> {
            announceTimer.cancel();
            lookupTimer.cancel();
        });
    }

    /** announce_peer rounds started so far. */
    public int announces() {
        return announces;
    }

    /** get_peers lookups started beyond those of the announces. */
    public int lookups() {
        return lookups;
    }

    private void announce() {
        if (stopped || !dht.node().isAlive()) {
            return;
        }
        announces++;
        dht.announce(infoHash, port, false).whenComplete((r, failure) -> {
            if (stopped) {
                return;
            }
            if (r != null) {
                deliver(r.lookup().peers());
            }
            announceTimer = dht.node().clock().schedule(schedule.announceEvery(), this::announce);
        });
    }

    private void lookupIfShort() {
        if (stopped || !dht.node().isAlive() || swarm.complete() || swarm.connectedPeers() >= schedule.enoughPeers()) {
            return;
        }
        lookups++;
        dht.getPeers(infoHash).thenAccept(r -> deliver(r.peers()));
    }

    /** Hands on what a lookup found, less our own announcement (the DHT returns it to us too). */
    private void deliver(List<Address> peers) {
        Address self = new Address(dht.node().address().host(), port);
        List<Address> others = peers.stream().filter(p -> !p.equals(self)).toList();
        if (!stopped && !others.isEmpty()) {
            found.accept(others);
        }
    }
}
