package p2plab.kazaa.supernode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import p2plab.common.content.BytesContent;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.topology.Graph;
import p2plab.common.topology.Topologies;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kazaa.KazaaNetwork;
import p2plab.kazaa.KazaaOverlay;

/**
 * With supernode TTL t, a query reaches exactly the supernodes within t supernode hops of the
 * asker's supernode and finds every file their children (and they) share; the messages it costs
 * are computed here from the supernode graph.
 *
 * <p>Layout: k supernodes (peers 0..k-1, graph node i = peer i) and 3k ordinary nodes; ordinary
 * peer k + m attaches to supernode m mod k. Every peer shares one file with the word "common".
 */
class FloodingReachesExactlyTheSupernodeTtlHorizonTest {

    static Stream<Arguments> topologies() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] graphs = {
            {"line", 0, 6, Topologies.line(6)},
            {"ring", 0, 8, Topologies.ring(8)},
            {"grid", 0, 9, Topologies.grid(9)},
            {"tree", 2, 15, Topologies.tree(15, 2)},
        };
        for (Object[] g : graphs) {
            for (int ttl = 1; ttl <= 4; ttl++) { // a Query with ttl 0 means "the overlay default"
                cases.add(Arguments.of(g[0], g[1], g[2], g[3], ttl));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} of {2} supernodes, ttl {4}")
    @MethodSource("topologies")
    void queryReachesExactlyTheSupernodesWithinTtlAndFindsAllTheirFiles(String kind, int degree, int k, Graph g, int ttl)
            throws Exception {
        int peers = 4 * k;
        try (SimTransport sim = SimTransport.withSeed(3)) {
            KazaaNetwork net = (KazaaNetwork) new KazaaOverlay().create(NetworkSpec.of("flood", peers, 3)
                    .withTopology(TopologySpec.of(kind, degree))
                    .withOptions(Map.of("supernode-ratio", "0.25", "review-interval-ms", "3600000")), sim);
            for (int p = 0; p < peers; p++) {
                net.share(PeerId.of(p), new BytesContent("common track " + p + ".mp3", new byte[] {(byte) p}));
            }
            sim.advance(Duration.ofSeconds(1));

            int source = 2 % k;            // the asker's supernode
            int asker = k + source;        // an ordinary node attached to it
            assertEquals(source, net.status(PeerId.of(asker)).parent());
            SearchResult r = sim.await(net.search(PeerId.of(asker), new Query("common", ttl)), Duration.ofSeconds(30));

            int[] dist = g.distancesFrom(source);
            Set<Integer> reached = new TreeSet<>();
            for (int v = 0; v < k; v++) {
                if (dist[v] >= 0 && dist[v] <= ttl) {
                    reached.add(v);
                }
            }
            Set<Integer> expectedHolders = new TreeSet<>();
            for (int p = 0; p < peers; p++) {
                int sn = p < k ? p : (p - k) % k;
                if (reached.contains(sn) && p != asker) {
                    expectedHolders.add(p);
                }
            }
            long queries = 1; // ordinary node -> its supernode
            long hits = 0;
            for (int v : reached) {
                if (dist[v] < ttl) {
                    queries += v == source ? g.degree(v) : g.degree(v) - 1;
                }
                hits += dist[v] + 1; // one QueryHit from v, relayed back over dist[v] supernode links, then to the asker
            }

            Set<Integer> holders = r.hits().stream().map(h -> h.holder().value()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expectedHolders, holders, "files found");
            assertEquals(reached.size(), r.peersReached(), "supernodes reached");
            assertEquals(reached.stream().map(String::valueOf).collect(Collectors.joining(",")), r.details().get("supernodes"));
            assertEquals(queries + hits, r.messages(), "messages: " + queries + " queries + " + hits + " hits");
            assertEquals(queries - reached.size(), r.duplicates(), "duplicate queries");
            assertEquals(0, r.hopsToFirstHit(), "the asker's own supernode answers first");
            for (Hit h : r.hits()) {
                int holder = h.holder().value();
                int sn = holder < k ? holder : (holder - k) % k;
                assertEquals(dist[sn], h.hops(), "hops of the hit for peer " + holder);
            }
        }
    }
}
