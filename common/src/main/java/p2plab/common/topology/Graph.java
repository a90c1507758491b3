package p2plab.common.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;

import java.util.List;
import java.util.TreeSet;

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
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(source);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int v : neighbours[u]) {
                if (dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    queue.add(v);
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

    /** Builds a graph edge by edge; duplicate edges and self-loops are ignored. */
    public static final class Builder {
        private final List<TreeSet<Integer>> adj;

        public Builder(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("a graph needs n >= 0 nodes, got " + n);
            }
            adj = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                adj.add(new TreeSet<>());
            }
        }

        /** Adds edge a-b; returns false if it was a self-loop or already there. */
        public boolean edge(int a, int b) {
            if (a == b) {
                return false;
            }
            boolean added = adj.get(a).add(b);
            adj.get(b).add(a);
            return added;
        }

        public boolean has(int a, int b) {
            return adj.get(a).contains(b);
        }

        public int degree(int node) {
            return adj.get(node).size();
        }

        public int size() {
            return adj.size();
        }

        public Graph build() {
            int[][] n = new int[adj.size()][];
            for (int i = 0; i < n.length; i++) {
                n[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
            return new Graph(n);
        }
    }

    @Override
    public String toString() {
        return "Graph(" + size() + " nodes, " + edgeCount() + " edges)";
    }

}
