package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.client.Client;
import p2plab.bittorrent.client.ClientOptions;
import p2plab.bittorrent.discovery.Announcer;
import p2plab.bittorrent.discovery.PeerSink;
import p2plab.bittorrent.discovery.PeerSource;
import p2plab.bittorrent.discovery.SwarmRef;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.bittorrent.storage.ContentStore;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.bittorrent.wire.Reserved;
import p2plab.common.content.BytesContent;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.sim.SimTransport;

/**
 * BEP 5 in the peer wire: with a DHT source, our handshake sets the DHT bit, a peer that set it
 * too gets our {@code port} message, and its own {@code port} message reaches the source as a
 * DHT node to add. Without the bit on either side, no port message goes anywhere.
 */
class DhtPortTest {

    /** A DHT stand-in: a UDP port to advertise, and the nodes peers told us about. */
    static final class FakeDht implements PeerSource {
        final List<Address> learned = new ArrayList<>();

        @Override
        public String name() {
            return "dht";
        }

        @Override
        public Announcer start(SwarmRef swarm, PeerSink sink) {
            return Announcer.NONE;
        }

        @Override
        public int dhtPort() {
            return 7000;
        }

        @Override
        public void dhtNodeLearned(Address node) {
            learned.add(node);
        }
    }

    @Test
    void portMessagesGoBothWaysWhenBothSetTheDhtBit() throws Exception {
        FakeDht dht = new FakeDht();
        try (SimTransport sim = SimTransport.withSeed(5)) {
            Setup s = connect(sim, dht, Reserved.ours(true));
            assertTrue(Reserved.dht(s.peer.handshake().reserved()), "our handshake sets the DHT bit");
            assertTrue(s.peer.received.contains(new PeerMessage.Port(7000)), "our port message: " + s.peer.received);
            assertTrue(s.peer.received.get(1) instanceof PeerMessage.HaveAll, "BEP 6 fixes the first message after the handshake: "
                    + s.peer.received);
            s.link.send(new PeerMessage.Port(6881));
            sim.advance(Duration.ofSeconds(1));
            assertEquals(List.of(new Address(s.node.address().host(), 6881)), dht.learned);
        }
    }

    /** Each port learned costs the DHT a ping: a peer that repeats the message is heard once. */
    @Test
    void aPeerRepeatingItsPortMessageIsHeardOnce() throws Exception {
        FakeDht dht = new FakeDht();
        try (SimTransport sim = SimTransport.withSeed(8)) {
            Setup s = connect(sim, dht, Reserved.ours(true));
            for (int i = 0; i < 10_000; i++) {
                s.link.send(new PeerMessage.Port(1 + i % 65_535));
            }
            sim.advance(Duration.ofSeconds(1));
            assertEquals(List.of(new Address(s.node.address().host(), 1)), dht.learned);
        }
    }

    @Test
    void noPortMessageWithoutTheDhtBit() throws Exception {
        FakeDht dht = new FakeDht();
        try (SimTransport sim = SimTransport.withSeed(6)) {
            Setup s = connect(sim, dht, Reserved.ours(false));
            assertTrue(Reserved.dht(s.peer.handshake().reserved()));
            assertFalse(s.peer.received.stream().anyMatch(PeerMessage.Port.class::isInstance), "the peer runs no DHT");
            s.link.send(new PeerMessage.Port(6881)); // it did not say it runs a DHT: not believed
            sim.advance(Duration.ofSeconds(1));
            assertEquals(List.of(), dht.learned);
        }
        try (SimTransport sim = SimTransport.withSeed(7)) {
            Setup s = connect(sim, null, Reserved.ours(true));
            assertFalse(Reserved.dht(s.peer.handshake().reserved()), "no DHT source, no DHT bit");
            assertFalse(s.peer.received.stream().anyMatch(PeerMessage.Port.class::isInstance));
        }
    }

    private record Setup(FakePeer peer, Node<PeerMessage> node, Link<PeerMessage> link) {
    }

    private static Setup connect(SimTransport sim, PeerSource dht, byte[] reserved) throws Exception {
        BytesContent content = new BytesContent("d.bin", new byte[50_000]);
        Metainfo meta = Torrents.of(content, null, 16 * 1024);
        Client seed = Client.open(sim, "seed", 0, NodeConfig.named("seed"), ClientOptions.defaults().withoutTracker());
        if (dht != null) {
            seed.addPeerSource(dht);
        }
        sim.await(seed.seed(meta, new ContentStore(content)), Duration.ofSeconds(1));
        FakePeer peer = new FakePeer(meta.infoHash(), reserved, 0, piece -> null);
        Node<PeerMessage> node = sim.open(NodeConfig.named("peer"), new PeerWireFormat(), peer);
        Link<PeerMessage> link = sim.await(node.connect(seed.address()), Duration.ofSeconds(1));
        sim.advance(Duration.ofSeconds(1));
        return new Setup(peer, node, link);
    }
}
