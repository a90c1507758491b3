package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.Topology;
import p2plab.common.overlay.TransferResult;
import p2plab.common.topology.Graph;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.Transport;

/**
 * Behaviour that must hold on every transport, written once: a subclass per transport says how
 * to make one. Waits are bounded; figures that depend on timing are not asserted here.
 */
abstract class GnutellaScenarios {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final List<AutoCloseable> open = new ArrayList<>();

    protected abstract Transport newTransport(long seed);

    GnutellaNetwork network(Transport t, NetworkSpec spec) {
        GnutellaNetwork n = (GnutellaNetwork) new GnutellaOverlay().create(spec, t);
        open.add(n);
        return n;
    }

    Transport transport(long seed) {
        Transport t = newTransport(seed);
        open.add(t);
        return t;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void handshakesWireExactlyTheGraph() {
        Transport t = transport(1);
        GnutellaNetwork net = network(t, NetworkSpec.of("g", 16, 1).withTopology(TopologySpec.of("grid", 0)));
        Graph g = net.graph();
        Topology topo = net.topology();
        assertEquals(g.edgeCount(), topo.edges().size());
        for (Topology.Edge e : topo.edges()) {
            assertTrue(g.hasEdge(e.a().value(), e.b().value()), "edge " + e + " is not in the grid");
        }
        for (PeerInfo p : topo.peers()) {
            assertEquals(g.degree(p.id().value()), p.neighbours().size(), "degree of " + p.id());
        }
        assertTrue(net.metrics().messagesSent("gnutella/Handshake") >= 3L * g.edgeCount(),
                "each link takes CONNECT, 200 OK and the confirmation");
    }

    @Test
    void searchFindsAFileAndTheDownloadIsVerifiedRangeByRange() throws Exception {
        Transport t = transport(2);
        GnutellaNetwork net = network(t, NetworkSpec.of("l", 5, 2).withTopology(TopologySpec.of("line", 0)));
        byte[] data = new byte[600_000]; // three 256 KiB ranges
        new Random(7).nextBytes(data);
        BytesContent song = new BytesContent("love song.mp3", data);
        net.share(PeerId.of(4), song);

        SearchResult r = t.await(net.search(PeerId.of(0), new Query("love song", 4)), WAIT);
        assertEquals(1, r.hits().size());
        assertEquals(PeerId.of(4), r.hits().get(0).holder());
        assertEquals(4, r.hopsToFirstHit());
        assertEquals(song.id(), r.hits().get(0).content());

        long gets = net.metrics().messagesSent("gnutella/Get");
        TransferResult d = t.await(net.download(PeerId.of(0), song.id()), WAIT);
        assertTrue(d.verified());
        assertEquals(data.length, d.bytes());
        assertEquals(List.of(new TransferResult.Source(PeerId.of(4), data.length)), d.sources());
        assertEquals(3, net.metrics().messagesSent("gnutella/Get") - gets);
    }

    @Test
    void killingAFifthOfThePeersMidQueryDoesNotHangIt() throws Exception {
        Transport t = transport(3);
        GnutellaNetwork net = network(t, NetworkSpec.of("r", 60, 3).withTopology(TopologySpec.of("random-regular", 4))
                .withOptions(java.util.Map.of("timeout", "2")));
        for (int i = 1; i < 60; i += 3) {
            net.share(PeerId.of(i), new BytesContent("common tune " + i + ".mp3", new byte[] {(byte) i}));
        }
        var search = net.search(PeerId.of(0), new Query("common tune", 7));
        t.advance(Duration.ofMillis(15));
        Random pick = new Random(11);
        Set<Integer> victims = new HashSet<>();
        while (victims.size() < 12) {
            victims.add(1 + pick.nextInt(59));
        }
        for (int v : victims) {
            net.kill(PeerId.of(v));
        }

        SearchResult r = t.await(search, WAIT);
        assertTrue(r.timedOut());
        assertTrue(r.peersReached() >= 1 && r.peersReached() <= 59, "reached " + r.peersReached());
        assertTrue(r.durationMillis() >= 2000, "ends at its window, not before");
        for (var h : r.hits()) {
            assertFalse(h.holder().value() == 0);
        }
    }

    @Test
    void killedAskerStillEndsItsSearch() throws Exception {
        Transport t = transport(4);
        GnutellaNetwork net = network(t, NetworkSpec.of("r", 10, 4).withTopology(TopologySpec.of("ring", 0)));
        var search = net.search(PeerId.of(0), new Query("anything", 3));
        t.advance(Duration.ofMillis(15));
        net.kill(PeerId.of(0));
        assertTrue(search.isDone());
        OverlayException e = assertThrows(OverlayException.class, () -> t.await(search, WAIT));
        assertTrue(e.getMessage().contains("peer 0 was killed"), e.getMessage());
    }

    @Test
    void aPeerDownloadsOnlyFromHoldersItsOwnSearchesFound() throws Exception {
        Transport t = transport(7);
        GnutellaNetwork net = network(t, NetworkSpec.of("l", 5, 7).withTopology(TopologySpec.of("line", 0)));
        BytesContent song = new BytesContent("only here.ogg", new byte[] {1, 2, 3});
        net.share(PeerId.of(4), song);

        // p2's search finds p4; p0 has searched for nothing, so it knows no holder, although one is running.
        assertEquals(1, t.await(net.search(PeerId.of(2), new Query("only here", 4)), WAIT).hits().size());
        OverlayException none = assertThrows(OverlayException.class, () -> t.await(net.download(PeerId.of(0), song.id()), WAIT));
        assertTrue(none.getMessage().contains("search"), none.getMessage());
        assertEquals(0, net.metrics().messagesSent("gnutella/Get"), "p0 must not ask anyone");

        assertEquals(1, t.await(net.search(PeerId.of(0), new Query("only here", 4)), WAIT).hits().size());
        TransferResult d = t.await(net.download(PeerId.of(0), song.id()), WAIT);
        assertEquals(List.of(new TransferResult.Source(PeerId.of(4), 3)), d.sources());
    }

    @Test
    void whenTheFirstHolderFoundIsGoneTheDownloadTriesTheNextOneFound() throws Exception {
        Transport t = transport(8);
        GnutellaNetwork net = network(t, NetworkSpec.of("l", 6, 8).withTopology(TopologySpec.of("line", 0)));
        BytesContent song = new BytesContent("twice shared.ogg", new byte[] {4, 5, 6, 7});
        net.share(PeerId.of(2), song);
        net.share(PeerId.of(5), song);
        SearchResult r = t.await(net.search(PeerId.of(0), new Query("twice shared", 5)), WAIT);
        assertEquals(List.of(PeerId.of(2), PeerId.of(5)), r.hits().stream().map(h -> h.holder()).toList());

        net.kill(PeerId.of(2));
        TransferResult d = t.await(net.download(PeerId.of(0), song.id()), WAIT);

        assertTrue(d.verified());
        assertEquals(List.of(new TransferResult.Source(PeerId.of(5), 4)), d.sources());
    }

    @Test
    void neighboursOfAKilledPeerReconnectFromTheirPongCache() throws Exception {
        Transport t = transport(5);
        GnutellaNetwork net = network(t, NetworkSpec.of("r", 8, 5).withTopology(TopologySpec.of("ring", 0)));
        net.kill(PeerId.of(1));
        t.advance(Duration.ofSeconds(10));
        Topology topo = net.topology();
        // Both reach their target degree again; over TCP both may dial at once and end with one more.
        assertTrue(topo.peers().get(0).neighbours().size() >= 2, "p0 " + topo.peers().get(0).neighbours());
        assertTrue(topo.peers().get(2).neighbours().size() >= 2, "p2 " + topo.peers().get(2).neighbours());
        assertFalse(topo.peers().get(0).neighbours().contains(PeerId.of(1)));
    }

    @Test
    void aNewPeerJoinsThroughKnownHostsAndReachesItsTargetDegree() throws Exception {
        Transport t = transport(6);
        GnutellaNetwork net = network(t, NetworkSpec.of("r", 12, 6).withTopology(TopologySpec.of("random-regular", 4)));
        PeerId newcomer = net.addPeer(PeerSpec.UNLIMITED);
        net.share(PeerId.of(5), new BytesContent("hello world.txt", new byte[] {5}));
        t.advance(Duration.ofSeconds(10));
        assertEquals(4, net.topology().peers().get(newcomer.value()).neighbours().size());
        SearchResult r = t.await(net.search(newcomer, new Query("hello", 7)), WAIT);
        assertEquals(1, r.hits().size());
    }
}
