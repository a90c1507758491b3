package p2plab.kademlia.dht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import p2plab.common.transport.Address;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.krpc.KrpcCodec;
import p2plab.kademlia.krpc.KrpcMessage;
import p2plab.kademlia.krpc.KrpcMessage.AnnouncePeer;
import p2plab.kademlia.krpc.KrpcMessage.GetPeers;
import p2plab.kademlia.krpc.KrpcMessage.KrpcError;
import p2plab.kademlia.krpc.KrpcMessage.Response;
import p2plab.kademlia.lookup.NextHopPolicy;
import p2plab.kademlia.routing.BucketPolicies;

/** One DHT node answering a hand-driven client on the simulator (with the wire check: every message goes through the codec). */
class DhtNodeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final NodeId KEY = NodeId.sha1("ubuntu");
    private static final NodeId CLIENT = NodeId.sha1("client");

    private final SimTransport sim = new SimTransport(SimConfig.seeded(4).withWireCheck(true));
    private final DhtNode dht = new DhtNode(NodeId.sha1("server"), DhtConfig.defaults(), BucketPolicies.bep5(), NextHopPolicy.closestFirst());
    private final Node<KrpcMessage> server = sim.open(NodeConfig.named("server"), new KrpcCodec(), dht);
    private final Client client = new Client();
    private final Node<KrpcMessage> clientNode = sim.open(NodeConfig.named("client").withPort(7000), new KrpcCodec(), client);

    DhtNodeTest() {
        dht.start(server);
    }

    @Test
    void getPeersAlwaysGivesATokenAndAnnounceWithItIsStoredWithTheImpliedPort() throws TimeoutException {
        Response first = (Response) ask(new GetPeers(t(1), CLIENT, KEY));
        assertEquals(20, first.token().length);
        assertTrue(first.values().isEmpty());

        assertInstanceOf(Response.class, ask(new AnnouncePeer(t(2), CLIENT, KEY, 1234, first.token(), true)));
        Response second = (Response) ask(new GetPeers(t(3), CLIENT, KEY));

        assertEquals(List.of(new Address(clientNode.address().host(), 7000)), second.values(), "implied_port: the datagram's port");
        assertTrue(second.nodes().isEmpty(), "values instead of nodes");
    }

    @Test
    void announceWithAWrongOrStaleTokenIsRefusedWith203() throws TimeoutException {
        Response first = (Response) ask(new GetPeers(t(1), CLIENT, KEY));
        KrpcError wrong = (KrpcError) ask(new AnnouncePeer(t(2), CLIENT, KEY, 1234, new byte[20], false));
        assertEquals(203, wrong.code());

        sim.advance(Duration.ofMinutes(9));
        assertInstanceOf(Response.class, ask(new AnnouncePeer(t(3), CLIENT, KEY, 1234, first.token(), false)), "previous secret");
        sim.advance(Duration.ofMinutes(2));
        assertEquals(203, ((KrpcError) ask(new AnnouncePeer(t(4), CLIENT, KEY, 1234, first.token(), false))).code());
        assertEquals(List.of(new Address(clientNode.address().host(), 1234)),
                ((Response) ask(new GetPeers(t(5), CLIENT, KEY))).values());
    }

    @Test
    void announcedPeersExpireAfterThirtyMinutes() throws TimeoutException {
        Response first = (Response) ask(new GetPeers(t(1), CLIENT, KEY));
        ask(new AnnouncePeer(t(2), CLIENT, KEY, 1234, first.token(), false));
        sim.advance(Duration.ofMinutes(29));
        assertEquals(1, ((Response) ask(new GetPeers(t(3), CLIENT, KEY))).values().size());
        sim.advance(Duration.ofMinutes(2));
        assertTrue(((Response) ask(new GetPeers(t(4), CLIENT, KEY))).values().isEmpty());
    }

    @Test
    void aQueryingNodeEntersTheTableAsQuestionableUntilItAnswers() throws TimeoutException {
        ask(new GetPeers(t(1), CLIENT, KEY));
        assertEquals(1, dht.table().size());
        assertEquals(p2plab.kademlia.routing.NodeState.QUESTIONABLE,
                dht.table().state(dht.table().buckets().get(0).entries().get(0), sim.clock().nanos()));
    }

    private KrpcMessage ask(KrpcMessage query) throws TimeoutException {
        CompletableFuture<KrpcMessage> answer = client.next();
        clientNode.sendDatagram(server.address(), query);
        return sim.await(answer, WAIT);
    }

    private static byte[] t(int n) {
        return new byte[] {'c', (byte) n};
    }

    private static final class Client implements PeerHandler<KrpcMessage> {
        private final List<CompletableFuture<KrpcMessage>> waiting = new ArrayList<>();

        CompletableFuture<KrpcMessage> next() {
            CompletableFuture<KrpcMessage> f = new CompletableFuture<>();
            waiting.add(f);
            return f;
        }

        @Override
        public void onMessage(Link<KrpcMessage> link, KrpcMessage message) {
        }

        @Override
        public void onDatagram(Address from, KrpcMessage message) {
            if (!waiting.isEmpty()) {
                waiting.remove(0).complete(message);
            }
        }
    }
}
