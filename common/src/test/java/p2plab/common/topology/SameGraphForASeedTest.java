package p2plab.common.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A seed names one graph, however it is built: large graphs sort their neighbour lists on
 * every core, and the builder no longer boxes; the graphs are still the ones the boxed,
 * sequential builder drew (fingerprints taken from it), so every figure measured on them before holds.
 */
class SameGraphForASeedTest {

    /** Order-sensitive hash of every node's sorted neighbour list. */
    static long fingerprint(Graph g) {
        long h = 1125899906842597L;
        for (int i = 0; i < g.size(); i++) {
            for (int v : g.neighbours(i)) {
                h = 31 * h + v;
            }
            h = 31 * h - 1;
        }
        return h;
    }

    @Test
    void theGraphsAreTheOnesTheFormerBuilderDrew() {
        assertEquals(-2810409884657781531L, fingerprint(Topologies.randomRegular(100_000, 4, 1)), "random-regular, built in parallel");
        assertEquals(-1458139230985483881L, fingerprint(Topologies.randomRegular(30, 20, 3)), "dense: the complement of a sparse draw");
        assertEquals(-8947550026997291908L, fingerprint(Topologies.barabasiAlbert(50_000, 2, 1)));
        assertEquals(5652029372009888586L, fingerprint(Topologies.erdosRenyi(50_000, 4, 1)));
        assertEquals(-377366140554093413L, fingerprint(Topologies.grid(1000)));
    }

    @Test
    void buildingInParallelTwiceGivesTheSameGraph() {
        int n = Graph.Builder.PARALLEL_FROM * 2;
        Graph a = Topologies.randomRegular(n, 6, 42);
        Graph b = Topologies.randomRegular(n, 6, 42);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(a.neighbours(i), b.neighbours(i), "node " + i);
            assertEquals(6, a.degree(i));
        }
        assertTrue(a.isConnected());
    }

    @Test
    void theBuilderIgnoresLoopsAndRepeatsAndSortsNeighbours() {
        Graph.Builder b = new Graph.Builder(5);
        assertTrue(b.edge(3, 1));
        assertTrue(b.edge(3, 0));
        assertFalse(b.edge(1, 3), "repeat, either way round");
        assertFalse(b.edge(2, 2), "loop");
        assertTrue(b.has(0, 3) && b.has(3, 0) && !b.has(0, 1));
        assertEquals(2, b.degree(3));
        Graph g = b.build();
        assertArrayEquals(new int[] {0, 1}, g.neighbours(3));
        assertEquals(2, g.edgeCount());
        assertArrayEquals(new int[] {1, 1, -1, 0, -1}, g.distancesFrom(3));
    }
}
