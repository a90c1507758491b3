package p2plab.common.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FixedGraphsTest {

    @Test
    void ringDistancesGoTheShortWayRound() {
        Graph g = Topologies.ring(10);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 4, 3, 2, 1}, g.distancesFrom(0));
        assertEquals(5, g.diameter());
        assertEquals(10, g.edgeCount());
        assertEquals(1, Topologies.ring(2).edgeCount());
        assertEquals(0, Topologies.ring(1).edgeCount());
    }

    @Test
    void lineDistancesAreIndexDifferences() {
        Graph g = Topologies.line(6);
        assertArrayEquals(new int[] {2, 1, 0, 1, 2, 3}, g.distancesFrom(2));
        assertEquals(5, g.diameter());
        assertEquals(5, g.edgeCount());
    }

    @Test
    void gridDistancesAreManhattan() {
        Graph g = Topologies.grid(16); // 4 x 4
        int[] d = g.distancesFrom(0);
        for (int i = 0; i < 16; i++) {
            assertEquals(i / 4 + i % 4, d[i], "node " + i);
        }
        assertEquals(6, g.diameter());
        assertEquals(24, g.edgeCount());
        // A ragged last row still hangs together.
        Graph ragged = Topologies.grid(10); // width 4: rows of 4, 4, 2
        assertTrue(ragged.isConnected());
        assertEquals(2, ragged.distancesFrom(0)[8]);
        assertThrows(IllegalArgumentException.class, () -> Topologies.grid(10, 0));
    }

    @Test
    void treeDistancesAreDepths() {
        Graph g = Topologies.tree(15, 2);
        int[] d = g.distancesFrom(0);
        assertEquals(0, d[0]);
        assertEquals(1, d[2]);
        assertEquals(2, d[6]);
        assertEquals(3, d[14]);
        assertEquals(14, g.edgeCount());
        assertEquals(6, g.diameter());
    }

    @Test
    void regularTreeHasTheFloodingBoundShape() {
        // degree 3, depth 3: 1 + 3 + 6 + 12 nodes; inner nodes have degree 3, leaves degree 1.
        Graph g = Topologies.regularTree(3, 3);
        assertEquals(22, g.size());
        int[] d = g.distancesFrom(0);
        int[] perLevel = new int[4];
        for (int x : d) {
            perLevel[x]++;
        }
        assertArrayEquals(new int[] {1, 3, 6, 12}, perLevel);
        for (int i = 0; i < g.size(); i++) {
            assertEquals(d[i] < 3 ? 3 : 1, g.degree(i), "node " + i);
        }
        assertEquals(1, Topologies.regularTree(0, 4).size());
        assertThrows(IllegalArgumentException.class, () -> Topologies.regularTree(2, 0));
    }
}
