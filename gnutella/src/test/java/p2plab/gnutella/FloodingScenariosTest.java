package p2plab.gnutella;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import p2plab.common.content.BytesContent;
import p2plab.common.metrics.Counts;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.topology.Graph;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.sim.SimTransport;

/**
 * Flooding against the graph: on line, ring, grid and tree, a query with TTL t reaches exactly
 * the peers within t hops, and costs exactly the messages the graph predicts, for t = 1..7.
 * Every expected figure is computed here from the graph (BFS levels and degrees).
 */
class FloodingScenariosTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    static Stream<Arguments> topologies() {
        return Stream.of(
                Arguments.of("line", 0, 20, 5),
                Arguments.of("ring", 0, 21, 0),
                Arguments.of("grid", 0, 49, 17),
                Arguments.of("tree", 2, 63, 4),
                Arguments.of("tree", 3, 60, 0));
    }

    @ParameterizedTest(name = "{0}({1}) from p{3}")
    @MethodSource("topologies")
    void floodingReachesExactlyTheTtlHorizon(String kind, int degree, int peers, int source) throws Exception {
        SimTransport sim = SimTransport.withSeed(3);
        GnutellaNetwork net = (GnutellaNetwork) new GnutellaOverlay().create(
                NetworkSpec.of("flood", peers, 3).withTopology(TopologySpec.of(kind, degree)), sim);
        Graph g = net.graph();
        int[] dist = g.distancesFrom(source);
        // Holders at a few distances, so hits and their reverse paths are counted too.
        List<Integer> holders = new ArrayList<>();
        for (int want : new int[] {2, 4, 7}) {
            for (int u = 0; u < g.size(); u++) {
                if (dist[u] == want) {
                    holders.add(u);
                    net.share(PeerId.of(u), new BytesContent("love song " + u + ".mp3", new byte[] {(byte) u}));
                    break;
                }
            }
        }

        for (int ttl = 1; ttl <= 7; ttl++) {
            long[] sentBefore = querySentPerPeer(net, g.size());
            SearchResult r = sim.await(net.search(PeerId.of(source), new Query("love song", ttl)), WAIT);
            long[] sent = querySentPerPeer(net, g.size());

            int reached = 0;
            long queries = g.degree(source);
            for (int u = 0; u < g.size(); u++) {
                if (dist[u] >= 1 && dist[u] <= ttl) {
                    reached++;
                }
                if (dist[u] >= 1 && dist[u] <= ttl - 1) {
                    queries += g.degree(u) - 1;
                }
            }
            long hitMessages = 0;
            int hits = 0;
            int nearest = Integer.MAX_VALUE;
            for (int h : holders) {
                if (dist[h] <= ttl) {
                    hits++;
                    hitMessages += dist[h]; // one QueryHit per link of the reverse path
                    nearest = Math.min(nearest, dist[h]);
                }
            }
            String at = kind + " ttl " + ttl;
            assertEquals(reached, r.peersReached(), at + ": peers reached");
            assertEquals(queries + hitMessages, r.messages(), at + ": messages");
            assertEquals(queries - reached, r.duplicates(), at + ": duplicates");
            assertEquals(hits, r.hits().size(), at + ": hits");
            assertEquals(hits == 0 ? -1 : nearest, r.hopsToFirstHit(), at + ": hops to first hit");
            // No peer forwards a query twice: each sends exactly what one forwarding predicts.
            for (int u = 0; u < g.size(); u++) {
                long expected = u == source ? g.degree(u) : dist[u] >= 1 && dist[u] < ttl ? g.degree(u) - 1 : 0;
                assertEquals(expected, sent[u] - sentBefore[u], at + ": Queries sent by p" + u);
            }
        }
        net.close();
    }

    @ParameterizedTest(name = "{0}({1}) from p{3}")
    @MethodSource("topologies")
    void queryHitsTravelOnlyTheReversePath(String kind, int degree, int peers, int source) throws Exception {
        SimTransport sim = SimTransport.withSeed(5);
        GnutellaNetwork net = (GnutellaNetwork) new GnutellaOverlay().create(
                NetworkSpec.of("rev", peers, 5).withTopology(TopologySpec.of(kind, degree)), sim);
        Graph g = net.graph();
        int[] dist = g.distancesFrom(source);
        int far = 0;
        for (int u = 0; u < g.size(); u++) {
            if (dist[u] <= 6 && dist[u] > dist[far]) {
                far = u;
            }
        }
        net.share(PeerId.of(far), new BytesContent("rare tune.ogg", new byte[] {1}));
        long[] before = hitsReceivedPerPeer(net, g.size());

        SearchResult r = sim.await(net.search(PeerId.of(source), new Query("rare tune", 7)), WAIT);

        assertEquals(1, r.hits().size());
        long[] after = hitsReceivedPerPeer(net, g.size());
        // Exactly one peer per distance 0..D-1 got the QueryHit, and they form a path of graph edges to the holder.
        Set<Integer> onPath = new HashSet<>();
        for (int u = 0; u < g.size(); u++) {
            long got = after[u] - before[u];
            assertTrue(got == 0 || got == 1, "p" + u + " received " + got + " QueryHits");
            if (got == 1) {
                onPath.add(u);
            }
        }
        assertEquals(dist[far], onPath.size());
        int cur = far;
        for (int d = dist[far] - 1; d >= 0; d--) {
            int next = -1;
            for (int v : g.neighbours(cur)) {
                if (dist[v] == d && onPath.contains(v)) {
                    next = v;
                }
            }
            assertTrue(next >= 0, "the QueryHit left the reverse path at distance " + d);
            cur = next;
        }
        assertEquals(source, cur);
        net.close();
    }

    static long[] querySentPerPeer(Network net, int n) {
        return perPeer(net, n, "gnutella/Query", true);
    }

    static long[] hitsReceivedPerPeer(Network net, int n) {
        return perPeer(net, n, "gnutella/QueryHit", false);
    }

    private static long[] perPeer(Network net, int n, String type, boolean sent) {
        long[] out = new long[n];
        for (int u = 0; u < n; u++) {
            Counts c = net.transport().metrics().peer(PeerId.of(u).label()).get(type);
            out[u] = c == null ? 0 : sent ? c.messagesSent() : c.messagesReceived();
        }
        return out;
    }
}
