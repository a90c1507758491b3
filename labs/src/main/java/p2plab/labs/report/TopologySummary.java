package p2plab.labs.report;

import java.util.Map;
import java.util.TreeMap;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.Topology;
import p2plab.common.topology.Graph;

/**
 * The overlay graph in a few figures: peers up, links, degrees, roles, diameter. Only running
 * peers and links between them count; the diameter is over the peers that can reach each other.
 *
 * @param components connected groups of running peers (1 = nobody is cut off)
 */
public record TopologySummary(int peers, int alive, int links, int minDegree, double meanDegree, int maxDegree,
                              int diameter, int components, Map<String, Integer> roles) {

    public static TopologySummary of(Topology t) {
        int n = t.peers().stream().mapToInt(p -> p.id().value() + 1).max().orElse(0);
        boolean[] up = new boolean[n];
        Map<String, Integer> roles = new TreeMap<>();
        int alive = 0;
        for (PeerInfo p : t.peers()) {
            if (p.alive()) {
                up[p.id().value()] = true;
                alive++;
                roles.merge(p.role().toString(), 1, Integer::sum);
            }
        }
        Graph.Builder b = new Graph.Builder(n);
        for (Topology.Edge e : t.edges()) {
            int a = e.a().value();
            int c = e.b().value();
            if (a < n && c < n && up[a] && up[c]) {
                b.edge(a, c);
            }
        }
        Graph g = b.build();
        int min = Integer.MAX_VALUE;
        int max = 0;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            if (up[i]) {
                min = Math.min(min, g.degree(i));
                max = Math.max(max, g.degree(i));
                sum += g.degree(i);
            }
        }
        return new TopologySummary(t.peers().size(), alive, g.edgeCount(), alive == 0 ? 0 : min,
                alive == 0 ? 0 : (double) sum / alive, max, g.diameter(), components(g, up), roles);
    }

    private static int components(Graph g, boolean[] up) {
        boolean[] seen = new boolean[g.size()];
        int count = 0;
        for (int s = 0; s < g.size(); s++) {
            if (up[s] && !seen[s]) {
                count++;
                int[] d = g.distancesFrom(s);
                for (int i = 0; i < d.length; i++) {
                    if (d[i] >= 0) {
                        seen[i] = true;
                    }
                }
            }
        }
        return count;
    }
}
