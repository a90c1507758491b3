package p2plab.common.topology;

import java.util.Arrays;
import p2plab.common.cores.EveryCore;

/**
 * An undirected graph on nodes {@code 0..n-1}, immutable once built. Overlays wire their peers
 * from one; tests compute expected hop counts and message counts from it.
 */
public final class Graph {
    private final int[][] neighbours;

    private Graph(int[][] neighbours) {
        this.neighbours = neighbours;
    }

    public int size() {
        return neighbours.length;
    }

    /** Neighbours of {@code node}, ascending. */
    public int[] neighbours(int node) {
        return neighbours[node].clone();
    }

    public int degree(int node) {
        return neighbours[node].length;
    }

    public boolean hasEdge(int a, int b) {
        return Arrays.binarySearch(neighbours[a], b) >= 0;
    }

    public int edgeCount() {
        int sum = 0;
        for (int[] n : neighbours) {
            sum += n.length;
        }
        return sum / 2;
    }

    /** Hop distance from {@code source} to every node; -1 for unreachable nodes. */
    public int[] distancesFrom(int source) {
        int[] dist = new int[size()];
        Arrays.fill(dist, -1);
        dist[source] = 0;
        int[] queue = new int[size()];
        int head = 0;
        int tail = 0;
        queue[tail++] = source;
        while (head < tail) {
            int u = queue[head++];
            for (int v : neighbours[u]) {
                if (dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    queue[tail++] = v;
                }
            }
        }
        return dist;
    }

    /** Longest shortest path among reachable pairs (BFS from every node; fine up to a few thousand). */
    public int diameter() {
        int d = 0;
        for (int s = 0; s < size(); s++) {
            for (int x : distancesFrom(s)) {
                d = Math.max(d, x);
            }
        }
        return d;
    }

    public boolean isConnected() {
        return size() == 0 || Arrays.stream(distancesFrom(0)).noneMatch(x -> x < 0);
    }

    /**
     * Builds a graph edge by edge; duplicate edges and self-loops are ignored. Each node's
     * neighbours are kept in a growable int array (a million nodes of degree 4 take tens of
     * megabytes, not the gigabyte boxed sets would); a duplicate is found by scanning the
     * shorter of the two lists, which is short in every generator here.
     */
    public static final class Builder {
        /** Above this many nodes, {@link #build()} sorts the lists on every core (each node alone: same graph). */
        static final int PARALLEL_FROM = 1 << 16;
        private static final int[] NONE = new int[0];
        private final int[][] adj;
        private final int[] degree;

        public Builder(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("a graph needs n >= 0 nodes, got " + n);
            }
            adj = new int[n][];
            degree = new int[n];
            Arrays.fill(adj, NONE);
        }

        /** Adds edge a-b; returns false if it was a self-loop or already there. */
        public boolean edge(int a, int b) {
            java.util.Objects.checkIndex(a, adj.length);
            java.util.Objects.checkIndex(b, adj.length);
            if (a == b || has(a, b)) {
                return false;
            }
            append(a, b);
            append(b, a);
            return true;
        }

        /** Adds edge a-b that the caller knows is new and no self-loop (complete graphs, complements, a repaired pairing). */
        void addNew(int a, int b) {
            append(a, b);
            append(b, a);
        }

        private void append(int node, int neighbour) {
            int[] list = adj[node];
            if (degree[node] == list.length) {
                list = adj[node] = Arrays.copyOf(list, Math.max(4, list.length * 2));
            }
            list[degree[node]++] = neighbour;
        }

        public boolean has(int a, int b) {
            int from = degree[a] <= degree[b] ? a : b;
            int to = from == a ? b : a;
            int[] list = adj[from];
            for (int i = degree[from] - 1; i >= 0; i--) {
                if (list[i] == to) {
                    return true;
                }
            }
            return false;
        }

        public int degree(int node) {
            return degree[node];
        }

        public int size() {
            return adj.length;
        }

        public Graph build() {
            int[][] n = new int[adj.length][];
            java.util.function.IntConsumer sort = i -> {
                int[] list = Arrays.copyOf(adj[i], degree[i]);
                Arrays.sort(list);
                n[i] = list;
            };
            if (n.length >= PARALLEL_FROM) {
                EveryCore.forEach(n.length, sort);
            } else {
                for (int i = 0; i < n.length; i++) {
                    sort.accept(i);
                }
            }
            return new Graph(n);
        }
    }

    @Override
    public String toString() {
        return "Graph(" + size() + " nodes, " + edgeCount() + " edges)";
    }

}
