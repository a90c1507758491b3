package p2plab.common.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegularTreeOfTest {

    @Test
    void aFullTreeEqualsTheRegularTreeOfThatDepth() {
        Graph full = Topologies.regularTree(3, 4); // 1 + 4 + 12 + 36 = 53 nodes
        Graph filled = Topologies.regularTreeOf(53, 4);
        assertEquals(53, filled.size());
        for (int i = 0; i < 53; i++) {
            assertArrayEquals(full.neighbours(i), filled.neighbours(i), "node " + i);
        }
    }

    @Test
    void innerNodesHaveExactlyTheDegreeAndLevelsGrowByDMinusOne() {
        Graph g = Topologies.generate(TopologySpec.of("regular-tree", 3), 100, 0);
        int[] dist = g.distancesFrom(0);
        int[] perLevel = new int[10];
        for (int d : dist) {
            perLevel[d]++;
        }
        assertEquals(1, perLevel[0]);
        assertEquals(3, perLevel[1]);
        assertEquals(6, perLevel[2]);
        assertEquals(12, perLevel[3]);
        assertEquals(24, perLevel[4]);
        for (int i = 0; i < 1 + 3 + 6 + 12; i++) {
            assertEquals(3, g.degree(i), "inner node " + i);
        }
        assertTrue(g.isConnected());
        assertEquals(99, g.edgeCount());
    }
}
