package p2plab.kazaa;

import p2plab.common.topology.Graph;
import p2plab.common.topology.Topologies;
import p2plab.common.topology.TopologySpec;

/**
 * How the first supernodes are wired to each other. A topology named in the network spec applies
 * to the supernodes only (ordinary nodes hang off them); without one, each supernode gets
 * {@code links} random supernode links (a random-regular graph), or all of them in a small network.
 */
final class SupernodeGraphs {

    private SupernodeGraphs() {
    }

    static Graph of(TopologySpec spec, int supernodes, int links, long seed) {
        if (spec != null) {
            try {
                return Topologies.generate(spec, supernodes, seed);
            } catch (IllegalArgumentException e) {
                throw new p2plab.common.overlay.OverlayException("supernode topology: " + e.getMessage());
            }
        }
        int degree = Math.min(links, supernodes - 1);
        if (supernodes <= links + 1) {
            return complete(supernodes);
        }
        if ((long) supernodes * degree % 2 != 0) {
            degree--; // a regular graph needs an even number of link ends
        }
        if (degree < 3) {
            return degree == 2 ? Topologies.ring(supernodes) : Topologies.line(supernodes);
        }
        return Topologies.randomRegular(supernodes, degree, seed);
    }

    private static Graph complete(int n) {
        Graph.Builder b = new Graph.Builder(n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                b.edge(i, j);
            }
        }
        return b.build();
    }
}
