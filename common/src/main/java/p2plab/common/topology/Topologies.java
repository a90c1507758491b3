package p2plab.common.topology;

import java.util.SplittableRandom;

/**
 * Seeded topology generators. The same (kind, n, degree, seed) always gives the same graph.
 */
public final class Topologies {

    private Topologies() {
    }

    /** Builds the graph {@code spec} names for {@code n} nodes. */
    public static Graph generate(TopologySpec spec, int n, long seed) {
        return switch (spec.kind()) {
            case "ring" -> ring(n);
            case "line" -> line(n);
            case "grid" -> grid(n);
            case "tree" -> tree(n, Math.max(2, spec.degree()));
            case "regular-tree" -> regularTreeOf(n, spec.degree() == 0 ? 3 : spec.degree());
            case "random-regular" -> randomRegular(n, spec.degree() == 0 ? 4 : spec.degree(), seed);
            case "erdos-renyi" -> erdosRenyi(n, spec.degree() == 0 ? 4 : spec.degree(), seed);
            case "barabasi-albert" -> barabasiAlbert(n, spec.degree() == 0 ? 2 : spec.degree(), seed);
            default -> throw new IllegalArgumentException("unknown topology " + spec.kind());
        };
    }

    /** 0-1-2-...-(n-1)-0. */
    public static Graph ring(int n) {
        Graph.Builder b = new Graph.Builder(n);
        for (int i = 0; i < n && n > 1; i++) {
            b.edge(i, (i + 1) % n);
        }
        return b.build();
    }

    /** 0-1-2-...-(n-1). */
    public static Graph line(int n) {
        Graph.Builder b = new Graph.Builder(n);
        for (int i = 0; i + 1 < n; i++) {
            b.edge(i, i + 1);
        }
        return b.build();
    }

    /** A grid as close to square as n allows, filled row by row; node i sits at (i / w, i % w). */
    public static Graph grid(int n) {
        int w = Math.max(1, (int) Math.ceil(Math.sqrt(n)));
        return grid(n, w);
    }

    /** A grid {@code width} nodes wide, filled row by row. */
    public static Graph grid(int n, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("a grid needs width >= 1, got " + width);
        }
        Graph.Builder b = new Graph.Builder(n);
        for (int i = 0; i < n; i++) {
            if ((i % width) + 1 < width && i + 1 < n) {
                b.edge(i, i + 1);
            }
            if (i + width < n) {
                b.edge(i, i + width);
            }
        }
        return b.build();
    }

    /** A complete {@code branching}-ary tree in heap order: the parent of i is (i - 1) / branching. */
    public static Graph tree(int n, int branching) {
        if (branching < 1) {
            throw new IllegalArgumentException("a tree needs branching >= 1");
        }
        Graph.Builder b = new Graph.Builder(n);
        for (int i = 1; i < n; i++) {
            b.edge(i, (i - 1) / branching);
        }
        return b.build();
    }

    /**
     * A tree in which every inner node has exactly {@code degree} neighbours: the root has
     * {@code degree} children, every other inner node {@code degree - 1}. The flooding bound
     * d * sum((d-1)^i) is exact on it.
     */
    public static Graph regularTree(int depth, int degree) {
        if (depth < 0 || degree < 1) {
            throw new IllegalArgumentException("a regular tree needs depth >= 0 and degree >= 1, got depth=" + depth
                    + ", degree=" + degree);
        }
        int n = 1;
        long level = degree;
        for (int i = 1; i <= depth; i++) {
            n += (int) level;
            level *= (degree - 1);
        }
        Graph.Builder b = new Graph.Builder(n);
        int next = 1;
        java.util.ArrayDeque<int[]> queue = new java.util.ArrayDeque<>(); // {node, depth}
        queue.add(new int[] {0, 0});
        while (!queue.isEmpty()) {
            int[] cur = queue.poll();
            if (cur[1] == depth) {
                continue;
            }
            int children = cur[0] == 0 ? degree : degree - 1;
            for (int c = 0; c < children; c++) {
                b.edge(cur[0], next);
                queue.add(new int[] {next, cur[1] + 1});
                next++;
            }
        }
        return b.build();
    }

    /**
     * The first {@code n} nodes of an endless {@code degree}-regular tree, filled level by level
     * from the root (node 0): the root has {@code degree} children, every other node up to
     * {@code degree - 1}. When n is a full tree's size this is {@link #regularTree}; a flood from
     * the root with a TTL smaller than the depth costs exactly d * sum((d-1)^i) messages.
     */
    public static Graph regularTreeOf(int n, int degree) {
        if (n < 0 || degree < 2) {
            throw new IllegalArgumentException("a regular tree needs n >= 0 and degree >= 2, got n=" + n + ", degree=" + degree);
        }
        Graph.Builder b = new Graph.Builder(n);
        int next = 1;
        for (int parent = 0; parent < n && next < n; parent++) {
            int children = parent == 0 ? degree : degree - 1;
            for (int c = 0; c < children && next < n; c++) {
                b.edge(parent, next++);
            }
        }
        return b.build();
    }

    /**
     * A random graph in which every node has exactly {@code degree} neighbours. Built by the
     * configuration model: every node gets {@code degree} stubs, the shuffled stubs are paired, and
     * each pair that made a self-loop or a repeated edge is repaired by a degree-preserving switch
     * with a random good edge ({a,b} + {c,d} become {a,c} + {b,d}). For degree >= 3 the result is
     * also connected (a disconnected draw, which is rare, is redrawn), so a flood reaches everyone.
     */
    public static Graph randomRegular(int n, int degree, long seed) {
        if (n < 0 || degree < 0) {
            throw new IllegalArgumentException("random-regular needs n >= 0 and degree >= 0, got n=" + n + ", degree=" + degree);
        }
        if (degree == 0 || n == 0) {
            return new Graph.Builder(n).build();
        }
        if (degree >= n) {
            throw new IllegalArgumentException("random-regular: degree " + degree + " needs at least " + (degree + 1)
                    + " peers, got " + n + "; lower --degree or add peers");
        }
        if ((long) n * degree % 2 != 0) {
            throw new IllegalArgumentException("random-regular: peers x degree must be even, got " + n + " x " + degree
                    + "; change --peers or --degree by one");
        }
        if (degree > (n - 1) / 2) {
            // Dense: few switches would be legal; draw the sparse complement instead.
            return complement(randomRegular(n, n - 1 - degree, seed));
        }
        SplittableRandom random = random(seed);
        for (int attempt = 0; attempt < 100; attempt++) {
            Graph g = RegularPairing.draw(n, degree, random);
            if (g != null && (degree < 3 || g.isConnected())) {
                return g;
            }
        }
        throw new IllegalStateException("random-regular(" + n + ", " + degree + ") failed 100 draws; try another seed");
    }

    /**
     * G(n, p) with p = meanDegree / (n - 1): each of the n(n-1)/2 possible edges is present
     * independently with probability p. Instead of testing every pair it jumps straight to the
     * next present edge (the gap is geometric), so the cost follows the number of edges, not n^2.
     * Not necessarily connected.
     */
    public static Graph erdosRenyi(int n, double meanDegree, long seed) {
        if (n < 0 || !(meanDegree >= 0)) {
            throw new IllegalArgumentException("erdos-renyi needs n >= 0 and mean degree >= 0, got n=" + n
                    + ", mean degree=" + meanDegree);
        }
        Graph.Builder b = new Graph.Builder(n);
        if (n < 2 || meanDegree == 0) {
            return b.build();
        }
        if (meanDegree > n - 1) {
            throw new IllegalArgumentException("erdos-renyi: mean degree " + meanDegree + " needs more than "
                    + (int) Math.ceil(meanDegree) + " peers, got " + n + "; lower --degree or add peers");
        }
        double p = meanDegree / (n - 1);
        if (p >= 1) {
            return complete(n);
        }
        SplittableRandom random = random(seed);
        double logQ = Math.log1p(-p);
        // Pairs (v, w) with w < v, in order (1,0), (2,0), (2,1), (3,0)...; w skips ahead by a geometric gap.
        int v = 1;
        long w = -1;
        while (v < n) {
            double r = random.nextDouble();
            // Capped so that a draw of r very near 1 cannot overflow; any gap past the last pair ends the loop.
            w += 1 + (long) Math.min(Math.floor(Math.log1p(-r) / logQ), (double) n * n);
            while (w >= v && v < n) {
                w -= v;
                v++;
            }
            if (v < n) {
                b.edge(v, (int) w);
            }
        }
        return b.build();
    }

    /**
     * Barabási–Albert preferential attachment: start from a clique of {@code edgesPerNode + 1}
     * nodes, then every new node links to {@code edgesPerNode} distinct existing nodes chosen with
     * probability proportional to their degree. Gives a connected graph with a few large hubs and
     * exactly m(m+1)/2 + m(n-m-1) edges. With n <= m + 1 it is the complete graph.
     */
    public static Graph barabasiAlbert(int n, int edgesPerNode, long seed) {
        if (n < 0 || edgesPerNode < 1) {
            throw new IllegalArgumentException("barabasi-albert needs n >= 0 and edges per node >= 1, got n=" + n
                    + ", edges per node=" + edgesPerNode);
        }
        int m = edgesPerNode;
        int m0 = m + 1;
        if (n <= m0) {
            return complete(n);
        }
        SplittableRandom random = random(seed);
        Graph.Builder b = new Graph.Builder(n);
        // Every edge's two ends, once each: a uniform draw from it picks a node in proportion to its degree.
        int[] ends = new int[Math.toIntExact(2L * (m0 * (long) m / 2 + (long) m * (n - m0)))];
        int filled = 0;
        for (int i = 0; i < m0; i++) {
            for (int j = i + 1; j < m0; j++) {
                b.edge(i, j);
                ends[filled++] = i;
                ends[filled++] = j;
            }
        }
        int[] targets = new int[m];
        for (int v = m0; v < n; v++) {
            int chosen = 0;
            while (chosen < m) {
                int t = ends[random.nextInt(filled)];
                if (!contains(targets, chosen, t)) {
                    targets[chosen++] = t;
                }
            }
            // Ends are added after choosing, so the new node's own edges don't bias its choices.
            for (int t : targets) {
                b.edge(v, t);
                ends[filled++] = v;
                ends[filled++] = t;
            }
        }
        return b.build();
    }

    private static boolean contains(int[] a, int length, int x) {
        for (int i = 0; i < length; i++) {
            if (a[i] == x) {
                return true;
            }
        }
        return false;
    }

    static Graph complete(int n) {
        Graph.Builder b = new Graph.Builder(n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                b.addNew(i, j);
            }
        }
        return b.build();
    }

    static Graph complement(Graph g) {
        int n = g.size();
        Graph.Builder b = new Graph.Builder(n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!g.hasEdge(i, j)) {
                    b.addNew(i, j);
                }
            }
        }
        return b.build();
    }

    static SplittableRandom random(long seed) {
        return new SplittableRandom(seed);
    }
}
