package p2plab.labs.trackerless;

import java.util.ArrayList;
import java.util.List;
import p2plab.bittorrent.discovery.Announcer;
import p2plab.bittorrent.discovery.PeerSink;
import p2plab.bittorrent.discovery.PeerSource;
import p2plab.bittorrent.discovery.SwarmRef;
import p2plab.common.transport.Address;
import p2plab.kademlia.dht.DhtNode;

/**
 * The DHT as a BitTorrent client's source of peers: each torrent the client starts becomes a
 * {@link DhtPeerSearch} on this client's own Kademlia node (announce_peer every 15 minutes,
 * get_peers while short of peers). Nodes that peers name in their {@code port} message are
 * pinged, and enter the routing table when they answer (BEP 5).
 *
 * <p>The client calls in on its peer thread; the searches and pings hop to the DHT node's thread.
 */
public final class DhtPeerSource implements PeerSource {
    private final DhtNode dht;
    private final DhtSchedule schedule;
    private final List<DhtPeerSearch> searches = new ArrayList<>();

    public DhtPeerSource(DhtNode dht, DhtSchedule schedule) {
        this.dht = dht;
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return "dht";
    }

    @Override
    public Announcer start(SwarmRef swarm, PeerSink sink) {
        DhtPeerSearch search = new DhtPeerSearch(dht, swarm.infoHash(), swarm.port(), schedule, swarm.counts().left() == 0, sink::found);
        synchronized (searches) {
            searches.add(search);
        }
        search.start();
        return new Announcer() {
            @Override
            public void completed() {
                search.completed();
            }

            @Override
            public void findMore() {
                search.lookupNow();
            }

            @Override
            public void stop() {
                search.stop();
                synchronized (searches) {
                    searches.remove(search);
                }
            }

            @Override
            public long lastSuccessNanos() {
                return search.lastSuccessNanos();
            }
        };
    }

    @Override
    public int dhtPort() {
        return dht.node().address().port();
    }

    /** BEP 5: ping the node a peer named; its answer puts it in the routing table. */
    @Override
    public void dhtNodeLearned(Address node) {
        dht.node().execute(() -> {
            if (dht.node().isAlive()) {
                dht.ping(node);
            }
        });
    }

    /** The DHT node stays up (it is its own peer of the DHT); only this client's torrents leave. */
    @Override
    public void close() {
        synchronized (searches) {
            searches.forEach(DhtPeerSearch::stop);
            searches.clear();
        }
    }
}
