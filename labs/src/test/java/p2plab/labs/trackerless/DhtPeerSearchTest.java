package p2plab.labs.trackerless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.Address;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.DhtView;
import p2plab.kademlia.KademliaOverlay;
import p2plab.kademlia.dht.DhtNode;
import p2plab.labs.session.Transports;

class DhtPeerSearchTest {
    private static final byte[] INFO_HASH = new byte[20];

    static {
        for (int i = 0; i < 20; i++) {
            INFO_HASH[i] = (byte) (31 * i + 7);
        }
    }

    @Test
    void twoPeersOfOneTorrentFindEachOtherThroughTheDhtUnderTheirBitTorrentPorts() {
        try (SimTransport sim = Transports.simulator(3);
             Network dht = new KademliaOverlay().create(NetworkSpec.of("dht", 30, 3), sim)) {
            DhtView view = (DhtView) dht;
            DhtNode a = view.dht(PeerId.of(4));
            DhtNode b = view.dht(PeerId.of(21));
            Set<Address> foundByA = new LinkedHashSet<>();
            Set<Address> foundByB = new LinkedHashSet<>();
            DhtPeerSearch searchA = new DhtPeerSearch(a, INFO_HASH, 7001, DhtSchedule.USUAL, false, foundByA::addAll);
            DhtPeerSearch searchB = new DhtPeerSearch(b, INFO_HASH, 7002, DhtSchedule.USUAL, false, foundByB::addAll);
            searchA.start();
            sim.advance(Duration.ofSeconds(10));
            searchB.start();
            sim.advance(Duration.ofSeconds(10));
            Address aPeer = new Address(a.node().address().host(), 7001);
            Address bPeer = new Address(b.node().address().host(), 7002);
            assertEquals(Set.of(aPeer), foundByB, "B's first lookup found A, announced 10 s before, at A's BitTorrent port");
            assertTrue(foundByA.isEmpty(), "A announced first, into an empty swarm");
            sim.advance(Duration.ofSeconds(60));
            assertEquals(Set.of(bPeer), foundByA, "A, short of peers, looked again after a minute and found B");
            assertEquals(2, searchA.lookups(), "at its start and a minute later");
        }
    }

    @Test
    void announcesEveryFifteenMinutesAndLooksUpOnlyWhileShortOfPeers() {
        try (SimTransport sim = Transports.simulator(5);
             Network dht = new KademliaOverlay().create(NetworkSpec.of("dht", 10, 5), sim)) {
            DhtNode node = ((DhtView) dht).dht(PeerId.of(2));
            DhtPeerSearch seed = new DhtPeerSearch(node, INFO_HASH, 7000, DhtSchedule.USUAL, true, p -> { });
            seed.start();
            sim.advance(Duration.ofMinutes(31));
            assertEquals(3, seed.announces(), "at 0, 15 and 30 minutes");
            assertEquals(0, seed.lookups(), "a seed looks for nobody");
            seed.lookupNow();
            sim.advance(Duration.ofSeconds(1));
            assertEquals(0, seed.lookups(), "not even when asked");

            AtomicInteger deliveries = new AtomicInteger();
            DhtPeerSearch leech = new DhtPeerSearch(((DhtView) dht).dht(PeerId.of(7)), INFO_HASH, 7000, DhtSchedule.USUAL, false,
                    p -> deliveries.incrementAndGet());
            leech.start();
            sim.advance(Duration.ofSeconds(200));
            assertEquals(4, leech.lookups(), "at its start, then one a minute while it knows fewer than 20 peers");
            assertEquals(5, deliveries.get(), "the seed, found by the announce and by each lookup");
            leech.completed();
            sim.advance(Duration.ofMinutes(3));
            assertEquals(4, leech.lookups(), "complete: no more lookups");
            seed.stop();
            leech.stop();
            sim.advance(Duration.ofMinutes(60));
            assertEquals(3, seed.announces(), "stopped: no more announces");
            assertEquals(1, leech.announces());
        }
    }

    @Test
    void remembersAtMostAThousandPeersButHandsOnEveryOneFound() {
        try (SimTransport sim = Transports.simulator(9);
             Network dht = new KademliaOverlay().create(NetworkSpec.of("dht", 5, 9), sim)) {
            DhtNode node = ((DhtView) dht).dht(PeerId.of(1));
            AtomicInteger handedOn = new AtomicInteger();
            DhtPeerSearch search = new DhtPeerSearch(node, INFO_HASH, 7000, DhtSchedule.USUAL, false,
                    p -> handedOn.addAndGet(p.size()));
            java.util.List<Address> flood = new java.util.ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                flood.add(new Address("127.0.0." + (2 + i / 60_000), 10_000 + i));
            }
            search.deliver(flood.subList(0, 800));
            search.deliver(flood.subList(800, 1_500));
            search.deliver(flood.subList(0, 10));
            assertEquals(DhtPeerSearch.MAX_REMEMBERED, search.remembered(), "a DHT answer is remote input: bounded");
            assertEquals(1_510, handedOn.get(), "the client still hears of every peer found, to dial what it can");
        }
    }
}
