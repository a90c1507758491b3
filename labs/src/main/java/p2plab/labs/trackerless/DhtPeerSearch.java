package p2plab.labs.trackerless;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import p2plab.common.time.Cancellable;
import p2plab.common.transport.Address;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.krpc.NodeId;

/**
 * One torrent's presence in the DHT for one peer: announce_peer on the {@link DhtSchedule}
 * (seeding or downloading alike), and get_peers while the torrent is short of peers. Every
 * peer a lookup finds goes to {@code found}; the caller dials them.
 *
 * <p>"Short of peers" means: still downloading, and fewer distinct peers found so far than the
 * schedule's {@code enoughPeers}, or the client asked for more ({@link #lookupNow}).
 * Everything runs on the DHT node's thread; the public methods hop onto it.
 */
public final class DhtPeerSearch {
    /** Distinct peers remembered, to tell whether we are short; a DHT answer is remote input, so bounded. */
    static final int MAX_REMEMBERED = 1_000;

    private final DhtNode dht;
    private final NodeId infoHash;
    private final int port;
    private final DhtSchedule schedule;
    private final Consumer<List<Address>> found;
    private final Set<Address> known = new HashSet<>();
    private Cancellable announceTimer = Cancellable.NONE;
    private Cancellable lookupTimer = Cancellable.NONE;
    private boolean lookingUp;
    private volatile boolean complete;
    private volatile boolean stopped;
    private volatile int announces;
    private volatile int lookups;
    private volatile long lastSuccessNanos = Long.MIN_VALUE;

    /**
     * @param port     the BitTorrent peer's listening port, which goes into announce_peer (the DHT
     *                 node's own port is another one)
     * @param complete true for a seed, which announces but looks for nobody
     */
    public DhtPeerSearch(DhtNode dht, byte[] infoHash, int port, DhtSchedule schedule, boolean complete,
                         Consumer<List<Address>> found) {
        this.dht = dht;
        this.infoHash = NodeId.of(infoHash);
        this.port = port;
        this.schedule = schedule;
        this.complete = complete;
        this.found = found;
    }

    /**
     * Announces now, then keeps to the schedule until {@link #stop}. A downloader also looks up
     * at once: an announce hands over its peers only after every announce_peer is answered or
     * timed out, seconds later when a close node has died.
     */
    public void start() {
        dht.node().execute(() -> {
            if (stopped) {
                return;
            }
            if (!complete) {
                lookup();
            }
            announce();
            lookupTimer = dht.node().clock().every(schedule.lookupEvery(), this::lookupIfShort);
        });
    }

    /** The download finished: from now on only announces. */
    public void completed() {
        complete = true;
    }

    /** The client wants more peers now: a get_peers lookup unless one is running or we seed. */
    public void lookupNow() {
        dht.node().execute(() -> {
            if (!complete) {
                lookup();
            }
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

    /** When a lookup last found a peer, in protocol nanoseconds; {@code Long.MIN_VALUE} if never. */
    public long lastSuccessNanos() {
        return lastSuccessNanos;
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
        if (!complete && known.size() < schedule.enoughPeers()) {
            lookup();
        }
    }

    private void lookup() {
        if (stopped || lookingUp || !dht.node().isAlive()) {
            return;
        }
        lookingUp = true;
        lookups++;
        dht.getPeers(infoHash).whenComplete((r, failure) -> {
            lookingUp = false;
            if (r != null) {
                deliver(r.peers());
            }
        });
    }

    /** Distinct peers remembered so far (at most {@link #MAX_REMEMBERED}). Read on the node's thread. */
    int remembered() {
        return known.size();
    }

    /** Hands on what a lookup found, less our own announcement (the DHT returns it to us too). */
    void deliver(List<Address> peers) {
        Address self = new Address(dht.node().address().host(), port);
        List<Address> others = peers.stream().filter(p -> !p.equals(self)).toList();
        if (stopped || others.isEmpty()) {
            return;
        }
        lastSuccessNanos = dht.node().clock().nanos();
        for (Address a : others) {
            if (known.size() < MAX_REMEMBERED) {
                known.add(a);
            }
        }
        found.accept(others);
    }
}
