package p2plab.kademlia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.transport.sim.SimTransport;
import p2plab.common.transport.tcp.TcpOptions;
import p2plab.common.transport.tcp.TcpTransport;
import p2plab.kademlia.krpc.Contact;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.LookupResult;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;

/** A network built whole with filled tables: built without a message, deterministic, and its lookups and shares work. */
class FilledNetworkTest {
    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final int PEERS = 600;

    private static KademliaNetwork filled(SimTransport sim, long seed) {
        return KademliaNetwork.start(NetworkSpec.of("filled", PEERS, seed).withOptions(Map.of("build", "filled")), sim,
                BucketPolicies.bep5(), NextHopPolicy.closestFirst());
    }

    @Test
    void smallNetworksJoinAndLargeOnesAreFilledUnlessTheOptionSaysOtherwise() {
        assertFalse(KademliaOptions.filled(Map.of(), KademliaOptions.FILLED_FROM - 1));
        assertTrue(KademliaOptions.filled(Map.of(), KademliaOptions.FILLED_FROM));
        assertFalse(KademliaOptions.filled(Map.of("build", "join"), 1_000_000));
        assertTrue(KademliaOptions.filled(Map.of("build", "filled"), 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KademliaOptions.filled(Map.of("build", "fast"), 2));
        assertEquals("build must be join (one node after the other) or filled (tables filled directly), got 'fast'", e.getMessage());
    }

    @Test
    void itIsBuiltWithoutAMessageAndTheSameForASeed() {
        try (SimTransport a = SimTransport.withSeed(4); SimTransport b = SimTransport.withSeed(4)) {
            KademliaNetwork one = filled(a, 4);
            KademliaNetwork two = filled(b, 4);
            assertEquals(0, a.metrics().snapshot().total().messagesSent(), "no join, no lookup");
            for (int i = 0; i < PEERS; i += 37) {
                List<Contact> x = one.dht(PeerId.of(i)).table().contacts();
                assertEquals(x, two.dht(PeerId.of(i)).table().contacts(), "peer " + i);
                assertTrue(x.size() >= 8 * 5, "peer " + i + " knows " + x.size());
            }
        }
    }

    @Test
    void aLookupFindsTheTrueClosestNodes() throws TimeoutException {
        try (SimTransport sim = SimTransport.withSeed(5)) {
            KademliaNetwork net = filled(sim, 5);
            List<NodeId> all = new ArrayList<>();
            for (int i = 0; i < PEERS; i++) {
                all.add(net.dht(PeerId.of(i)).id());
            }
            SplittableRandom random = new SplittableRandom(5);
            for (int t = 0; t < 50; t++) {
                PeerId from = PeerId.of(random.nextInt(PEERS));
                NodeId target = NodeId.random(random);
                LookupResult r = sim.await(net.lookup(from, target, false, null), WAIT);
                List<NodeId> truth = new ArrayList<>(all);
                truth.remove(net.dht(from).id()); // a lookup never lists the node that runs it
                truth.sort(target::closer);
                assertEquals(truth.subList(0, 8), r.closest().stream().map(Contact::id).toList(), "lookup " + t);
                assertTrue(r.rounds() <= 4, "rounds " + r.rounds());
            }
        }
    }

    @Test
    void sharedInBulkTheFilesAreStoredAtTheClosestNodesWithoutAMessageAndFound() throws TimeoutException {
        try (SimTransport sim = SimTransport.withSeed(6)) {
            KademliaNetwork net = filled(sim, 6);
            BytesContent song = new BytesContent("quiet harbor.mp3", new byte[] {1, 2, 3});
            BytesContent other = new BytesContent("harbor lights.ogg", new byte[] {4, 5});
            for (int holder : new int[] {17, 230, 501}) {
                net.shareAll(PeerId.of(holder), List.of(song, other));
            }
            sim.advance(Duration.ofSeconds(1));
            assertEquals(0, sim.metrics().snapshot().total().messagesSent(), "stored, not announced");

            NodeId key = NodeId.sha1("harbor");
            List<PeerId> byDistance = new ArrayList<>(net.peers());
            byDistance.sort((x, y) -> key.closer(net.dht(x).id(), net.dht(y).id()));
            for (int holder : new int[] {17, 230, 501}) {
                List<PeerId> reached = new ArrayList<>(byDistance);
                reached.remove(PeerId.of(holder)); // its own announce never stores at itself
                for (PeerId at : reached.subList(0, 8)) {
                    List<?> peers = net.dht(at).store().peers(key, 50, sim.clock().nanos());
                    assertTrue(peers.contains(net.dht(PeerId.of(holder)).node().address()), holder + " stored at " + at);
                }
                for (PeerId at : reached.subList(8, reached.size())) {
                    assertTrue(net.dht(at).store().peers(key, 50, sim.clock().nanos()).isEmpty(), "not stored farther away, at " + at);
                }
            }
            SearchResult r = sim.await(net.search(PeerId.of(99), Query.of("quiet harbor")), WAIT);
            assertEquals(List.of(PeerId.of(17), PeerId.of(230), PeerId.of(501)),
                    r.hits().stream().map(h -> h.holder()).sorted().toList());
        }
    }

    /** Over real UDP the tables are handed to each node on its own thread, and bulk shares stored the same way. */
    @Test
    void overUdpTooTheTablesAndTheStoresAreThere() throws TimeoutException {
        try (TcpTransport udp = new TcpTransport(TcpOptions.defaults().withSeed(8).withIoThreads(2))) {
            KademliaNetwork net = KademliaNetwork.start(NetworkSpec.of("filled", 60, 8).withOptions(Map.of("build", "filled")), udp,
                    BucketPolicies.bep5(), NextHopPolicy.closestFirst());
            assertTrue(net.dht(PeerId.of(30)).table().size() >= 8, "a filled table");
            net.shareAll(PeerId.of(12), List.of(new BytesContent("loopback song.mp3", new byte[] {1})));
            SearchResult r = null;
            for (int attempt = 0; attempt < 50 && (r == null || r.hits().isEmpty()); attempt++) { // the stores are written on the nodes' threads
                r = udp.await(net.search(PeerId.of(45), Query.of("loopback")), WAIT);
            }
            assertEquals(List.of(PeerId.of(12)), r.hits().stream().map(h -> h.holder()).toList());
        }
    }

    @Test
    void afterAPeerIsKilledSharesAreAnnouncedAgain() {
        try (SimTransport sim = SimTransport.withSeed(7)) {
            KademliaNetwork net = filled(sim, 7);
            net.kill(PeerId.of(3));
            net.shareAll(PeerId.of(10), List.of(new BytesContent("rare song.mp3", new byte[] {9})));
            assertTrue(sim.metrics().snapshot().messagesSent("kademlia/announce_peer") > 0, "announced with messages");
        }
    }
}
