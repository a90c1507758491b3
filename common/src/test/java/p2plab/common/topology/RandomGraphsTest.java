package p2plab.common.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RandomGraphsTest {

    private static boolean sameEdges(Graph a, Graph b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.neighbours(i), b.neighbours(i))) {
                return false;
            }
        }
        return true;
    }

    private static long degreeSum(Graph g) {
        long sum = 0;
        for (int i = 0; i < g.size(); i++) {
            sum += g.degree(i);
        }
        return sum;
    }

    @ParameterizedTest
    @CsvSource({"10, 3", "100, 4", "1000, 3", "1000, 10", "7, 6", "8, 5", "6, 4", "51, 2", "2, 1", "5, 0"})
    void randomRegularGivesEveryNodeExactlyTheDegree(int n, int degree) {
        for (long seed = 0; seed < 3; seed++) {
            Graph g = Topologies.randomRegular(n, degree, seed);
            assertEquals(n, g.size());
            for (int i = 0; i < n; i++) {
                assertEquals(degree, g.degree(i), "node " + i);
                assertTrue(!g.hasEdge(i, i));
            }
            assertEquals((long) n * degree / 2, g.edgeCount());
            if (degree >= 3) {
                assertTrue(g.isConnected());
            }
        }
    }

    @Test
    void randomRegularIsSeeded() {
        assertTrue(sameEdges(Topologies.randomRegular(200, 4, 9), Topologies.randomRegular(200, 4, 9)));
        assertTrue(!sameEdges(Topologies.randomRegular(200, 4, 9), Topologies.randomRegular(200, 4, 10)));
        assertTrue(sameEdges(Topologies.randomRegular(12, 8, 9), Topologies.randomRegular(12, 8, 9)));
    }

    @Test
    void randomRegularRefusesImpossibleDegrees() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> Topologies.randomRegular(5, 3, 1));
        assertTrue(odd.getMessage().contains("even"), odd.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Topologies.randomRegular(4, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> Topologies.randomRegular(4, -1, 1));
    }

    @Test
    void randomRegularScalesToAHundredThousandNodes() {
        Graph g = Topologies.randomRegular(100_000, 4, 1);
        for (int i = 0; i < g.size(); i++) {
            assertEquals(4, g.degree(i));
        }
        assertTrue(g.isConnected());
    }

    @Test
    void erdosRenyiHasTheMeanDegreeAskedFor() {
        Graph g = Topologies.erdosRenyi(20_000, 6, 3);
        double mean = 2.0 * g.edgeCount() / g.size();
        // Edges are Binomial(n(n-1)/2, p): sd of the mean degree is about sqrt(6 / n) = 0.017.
        assertEquals(6.0, mean, 0.1);
        for (int i = 0; i < g.size(); i++) {
            assertTrue(!g.hasEdge(i, i));
        }
    }

    @Test
    void erdosRenyiDegreesArePoissonLike() {
        Graph g = Topologies.erdosRenyi(20_000, 4, 5);
        int isolated = 0;
        int maxDegree = 0;
        for (int i = 0; i < g.size(); i++) {
            if (g.degree(i) == 0) {
                isolated++;
            }
            maxDegree = Math.max(maxDegree, g.degree(i));
        }
        // P(degree 0) = e^-4 = 1.8%, about 366 of 20,000; the largest degree stays small.
        assertEquals(366, isolated, 80);
        assertTrue(maxDegree < 20);
    }

    @Test
    void erdosRenyiIsSeededAndEdgeCasesHold() {
        assertTrue(sameEdges(Topologies.erdosRenyi(500, 5, 1), Topologies.erdosRenyi(500, 5, 1)));
        assertTrue(!sameEdges(Topologies.erdosRenyi(500, 5, 1), Topologies.erdosRenyi(500, 5, 2)));
        assertEquals(0, Topologies.erdosRenyi(100, 0, 1).edgeCount());
        assertEquals(10 * 9 / 2, Topologies.erdosRenyi(10, 9, 1).edgeCount());
        assertEquals(0, Topologies.erdosRenyi(1, 0, 1).edgeCount());
        assertThrows(IllegalArgumentException.class, () -> Topologies.erdosRenyi(5, 5, 1));
    }

    @Test
    void erdosRenyiScalesToAHundredThousandNodes() {
        Graph g = Topologies.erdosRenyi(100_000, 4, 1);
        assertEquals(4.0, 2.0 * g.edgeCount() / g.size(), 0.05);
    }

    @ParameterizedTest
    @CsvSource({"100, 1", "100, 2", "1000, 3", "50, 5"})
    void barabasiAlbertHasTheExpectedEdgeCountAndIsConnected(int n, int m) {
        Graph g = Topologies.barabasiAlbert(n, m, 4);
        int m0 = m + 1;
        long expectedEdges = (long) m0 * (m0 - 1) / 2 + (long) m * (n - m0);
        assertEquals(expectedEdges, g.edgeCount());
        assertEquals(2 * expectedEdges, degreeSum(g));
        assertTrue(g.isConnected());
        for (int i = 0; i < n; i++) {
            assertTrue(g.degree(i) >= m);
        }
        if (m == 1) {
            assertEquals(n - 1, g.edgeCount()); // a tree
        }
    }

    @Test
    void barabasiAlbertGrowsHubs() {
        Graph g = Topologies.barabasiAlbert(10_000, 2, 1);
        int maxDegree = 0;
        for (int i = 0; i < g.size(); i++) {
            maxDegree = Math.max(maxDegree, g.degree(i));
        }
        // The mean degree is about 4; preferential attachment makes hubs of degree ~ sqrt(n) and more.
        assertTrue(maxDegree > 50, "largest degree " + maxDegree);
        Graph er = Topologies.erdosRenyi(10_000, 4, 1);
        int erMax = 0;
        for (int i = 0; i < er.size(); i++) {
            erMax = Math.max(erMax, er.degree(i));
        }
        assertTrue(maxDegree > 3 * erMax);
    }

    @Test
    void barabasiAlbertIsSeededAndSmallCasesAreComplete() {
        assertTrue(sameEdges(Topologies.barabasiAlbert(300, 2, 1), Topologies.barabasiAlbert(300, 2, 1)));
        assertTrue(!sameEdges(Topologies.barabasiAlbert(300, 2, 1), Topologies.barabasiAlbert(300, 2, 2)));
        assertEquals(3, Topologies.barabasiAlbert(3, 2, 1).edgeCount());
        assertEquals(0, Topologies.barabasiAlbert(0, 2, 1).size());
        assertThrows(IllegalArgumentException.class, () -> Topologies.barabasiAlbert(10, 0, 1));
    }

    @Test
    void barabasiAlbertScalesToAHundredThousandNodes() {
        Graph g = Topologies.barabasiAlbert(100_000, 3, 1);
        assertEquals(6 + 3L * (100_000 - 4), g.edgeCount());
    }

    @Test
    void generateDispatchesByKindWithDefaults() {
        Graph rr = Topologies.generate(TopologySpec.of("random-regular", 0), 50, 1);
        assertEquals(4, rr.degree(0));
        Graph ba = Topologies.generate(TopologySpec.of("barabasi-albert", 0), 50, 1);
        assertEquals(3 + 2 * (50 - 3), ba.edgeCount());
        Graph er = Topologies.generate(TopologySpec.of("erdos-renyi", 3), 50, 1);
        assertNotEquals(0, er.edgeCount());
        assertTrue(sameEdges(rr, Topologies.generate(TopologySpec.of("random-regular", 4), 50, 1)));
    }
}
