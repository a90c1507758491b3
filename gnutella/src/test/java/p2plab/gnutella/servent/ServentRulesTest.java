package p2plab.gnutella.servent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.metrics.Counts;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.Link;
import p2plab.common.transport.Node;
import p2plab.common.transport.NodeConfig;
import p2plab.common.transport.PeerHandler;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.gnutella.GnutellaOverlay;
import p2plab.gnutella.message.Bye;
import p2plab.gnutella.message.Descriptor;
import p2plab.gnutella.message.GnutellaCodec;
import p2plab.gnutella.message.GnutellaMessage;
import p2plab.gnutella.message.Guid;
import p2plab.gnutella.message.Handshake;
import p2plab.gnutella.message.Ping;
import p2plab.gnutella.message.Pong;
import p2plab.gnutella.message.Query;
import p2plab.gnutella.message.QueryHit;
import p2plab.common.overlay.Network;

/**
 * The servent's routing rules, poked from outside by a hand-driven peer that speaks the wire
 * protocol: it connects to p1 of a line p0 - p1 - p2 and sends whatever a test wants.
 */
class ServentRulesTest {
    private static final Duration STEP = Duration.ofMillis(200);

    private final SimTransport sim = new SimTransport(SimConfig.seeded(1).withWireCheck(true));
    private final SplittableRandom random = new SplittableRandom(1);
    private Network net;
    private Link<GnutellaMessage> toP1;
    private final List<GnutellaMessage> received = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();

    /** The hand-driven peer: records what p1 sends it. */
    private final PeerHandler<GnutellaMessage> probe = new PeerHandler<>() {
        @Override
        public void onMessage(Link<GnutellaMessage> link, GnutellaMessage message) {
            received.add(message);
        }

        @Override
        public void onClosed(Link<GnutellaMessage> link, String reason) {
            closed.add(reason);
        }
    };

    @BeforeEach
    void connectAProbeToP1() throws Exception {
        net = new GnutellaOverlay().create(NetworkSpec.of("l", 3, 1).withTopology(TopologySpec.of("line", 0)), sim);
        Node<GnutellaMessage> node = sim.open(NodeConfig.named("probe"), new GnutellaCodec(), probe);
        Link<GnutellaMessage> link = sim.await(node.connect(net.topology().peers().get(1).address()), STEP);
        link.send(Handshake.connect(Map.of("Listen-IP", node.address().toString())));
        sim.advance(STEP);
        assertTrue(((Handshake) received.remove(0)).accepted());
        link.send(Handshake.ok(Map.of()));
        sim.advance(STEP);
        toP1 = link;
    }

    private long sent(int peer, String type) {
        Counts c = sim.metrics().peer(PeerId.of(peer).label()).get("gnutella/" + type);
        return c == null ? 0 : c.messagesSent();
    }

    @Test
    void aQueryIsForwardedOnceHoweverOftenItArrives() {
        Descriptor q = new Descriptor(Guid.random(random), 5, 0, new Query(0, "x"));
        toP1.send(q);
        toP1.send(q);
        sim.advance(STEP);
        assertEquals(2, sent(1, "Query"), "once to p0 and once to p2, not back to the probe");
        assertEquals(0, sent(0, "Query"), "p0 is a leaf of the line");
    }

    @Test
    void queryHitForAnUnknownGuidIsDropped() {
        QueryHit hit = new QueryHit(toP1.local().address(), 1, List.of(new QueryHit.Result(0, 1, "x", "")),
                Guid.random(random));
        toP1.send(new Descriptor(Guid.random(random), 5, 0, hit));
        sim.advance(STEP);
        assertEquals(0, sent(1, "QueryHit"));
    }

    @Test
    void queryHitGoesBackOnlyToTheConnectionTheQueryCameFrom() {
        net.share(PeerId.of(2), new BytesContent("x.txt", new byte[] {1}));
        Descriptor q = new Descriptor(Guid.random(random), 5, 0, new Query(0, "x"));
        toP1.send(q);
        sim.advance(STEP);
        assertEquals(1, sent(1, "QueryHit"));
        assertEquals(0, sim.metrics().peer("p0").getOrDefault("gnutella/QueryHit", p2plab.common.metrics.Counts.ZERO).messagesReceived());
        Descriptor back = (Descriptor) received.stream().filter(m -> m instanceof Descriptor d && d.payload() instanceof QueryHit)
                .findFirst().orElseThrow();
        assertEquals(q.guid(), back.guid());
        assertEquals(1, back.hops(), "forwarded once by p1");
    }

    @Test
    void pingIsAnsweredWithAPongAlongTheReversePath() {
        toP1.send(new Descriptor(Guid.random(random), 2, 0, Ping.INSTANCE));
        sim.advance(STEP);
        long pongs = received.stream().filter(m -> m instanceof Descriptor d && d.payload() instanceof Pong).count();
        assertTrue(pongs >= 3, "p1 itself, and p0 and p2 (from the cache or by forwarding): " + pongs);
    }

    @Test
    void descriptorsAboveTheMaximumTtlAreDropped() {
        toP1.send(new Descriptor(Guid.random(random), 11, 0, new Query(0, "x")));
        sim.advance(STEP);
        assertEquals(0, sent(1, "Query"));
    }

    @Test
    void byeClosesTheConnection() {
        toP1.send(new Descriptor(Guid.random(random), 1, 0, new Bye(200, "done")));
        sim.advance(STEP);
        assertFalse(toP1.isOpen());
        assertEquals(1, closed.size());
    }

    @Test
    void descriptorsBeforeTheHandshakeCloseTheConnection() throws Exception {
        Node<GnutellaMessage> other = sim.open(NodeConfig.named("rude"), new GnutellaCodec(), probe);
        Link<GnutellaMessage> link = sim.await(other.connect(net.topology().peers().get(0).address()), STEP);
        link.send(Handshake.connect(Map.of()));
        sim.advance(STEP);
        // Skips the confirmation and sends a Query: the decoder or the servent refuses it.
        link.send(new Descriptor(Guid.random(random), 3, 0, new Query(0, "x")));
        sim.advance(STEP);
        assertFalse(link.isOpen());
        assertEquals(0, sent(0, "Query"));
    }
}
