package p2plab.labs.trackerless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.discovery.Announcer;
import p2plab.bittorrent.discovery.SwarmRef;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.Address;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.DhtView;
import p2plab.kademlia.KademliaOverlay;
import p2plab.kademlia.dht.DhtNode;
import p2plab.kademlia.krpc.NodeId;
import p2plab.labs.session.Transports;

class DhtPeerSourceTest {
    private static final SwarmRef.Counts LEECHING = new SwarmRef.Counts() {
        @Override
        public long uploaded() {
            return 0;
        }

        @Override
        public long downloaded() {
            return 0;
        }

        @Override
        public long left() {
            return 1000;
        }
    };

    private static boolean knows(DhtNode node, NodeId id) {
        return node.table().contacts().stream().anyMatch(c -> c.id().equals(id));
    }

    @Test
    void aNodeNamedInAPortMessageEntersTheRoutingTableOnceItAnswersAPing() {
        try (SimTransport sim = Transports.simulator(2);
             Network swarmDht = new KademliaOverlay().create(NetworkSpec.of("dht", 6, 2), sim);
             Network elsewhere = new KademliaOverlay().create(NetworkSpec.of("other", 1, 99), sim)) {
            DhtNode ours = ((DhtView) swarmDht).dht(PeerId.of(3));
            DhtNode stranger = ((DhtView) elsewhere).dht(PeerId.of(0));
            DhtPeerSource source = new DhtPeerSource(ours, DhtSchedule.USUAL);
            assertEquals(ours.node().address().port(), source.dhtPort(), "the port our port messages carry");
            assertFalse(knows(ours, stranger.id()), "the stranger's DHT has never met ours");

            source.dhtNodeLearned(stranger.node().address());
            sim.advance(Duration.ofSeconds(1));
            assertTrue(knows(ours, stranger.id()), "pinged, answered, in the table");

            source.dhtNodeLearned(new Address(stranger.node().address().host(), 1)); // nobody listens there
            sim.advance(Duration.ofSeconds(5));
            assertEquals(6, ours.table().contacts().size(), "five of its own network and the stranger; the silent port added nothing");
        }
    }

    @Test
    void eachTorrentAnnouncesUnderTheClientsPortAndStopsWithIt() {
        try (SimTransport sim = Transports.simulator(4);
             Network dht = new KademliaOverlay().create(NetworkSpec.of("dht", 12, 4), sim)) {
            DhtView view = (DhtView) dht;
            byte[] hash = NodeId.sha1("a torrent").bytes();
            List<Address> foundByLate = new ArrayList<>();
            Announcer early = new DhtPeerSource(view.dht(PeerId.of(2)), DhtSchedule.USUAL)
                    .start(new SwarmRef(hash, 6881, List.of(), LEECHING), peers -> { });
            sim.advance(Duration.ofSeconds(5));
            Announcer late = new DhtPeerSource(view.dht(PeerId.of(9)), DhtSchedule.USUAL)
                    .start(new SwarmRef(hash, 6882, List.of(), LEECHING), foundByLate::addAll);
            sim.advance(Duration.ofSeconds(5));
            assertTrue(foundByLate.contains(new Address(view.dht(PeerId.of(2)).node().address().host(), 6881)), foundByLate.toString());
            assertTrue(late.lastSuccessNanos() > 0);
            early.stop();
            late.stop();
        }
    }
}
