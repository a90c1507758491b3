package p2plab.labs.experiment.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;

/**
 * The distribution experiment with its defaults, which are the textbook figure's parameters
 * (F/u = 1 hour, u_s = 10u, d_min = u_s, N = 1..30): client-server within 2% of D_cs for every N,
 * the BitTorrent swarm never faster than D_p2p and within 20% of it for N >= 10.
 */
class DistributionAtTheTextbookParametersTest {
    private static ExperimentReport report;

    private static synchronized ExperimentReport report() throws Exception {
        if (report == null) {
            DistributionExperiment e = new DistributionExperiment();
            report = e.run(new Parameters(e.defaults(), Map.of()), 1);
        }
        return report;
    }

    @Test
    void theDefaultsAreTheTextbookFigure() {
        Map<String, String> d = new DistributionExperiment().defaults();
        assertEquals("1..30", d.get("n"));
        assertEquals("3600", d.get("file-over-u-s"));
        assertEquals("10", d.get("server-over-u"));
        assertTrue(Integer.parseInt(d.get("dmin-over-u")) >= 10, "d_min >= u_s");
    }

    @Test
    void clientServerIsWithinTwoPercentOfTheBoundForEveryN() throws Exception {
        List<List<Object>> rows = report().table().rows();
        assertEquals(30, rows.size());
        for (List<Object> row : rows) {
            double bound = ((Number) row.get(1)).doubleValue();
            double measured = ((Number) row.get(2)).doubleValue();
            assertTrue(measured >= bound && measured <= bound * 1.02, "N=" + row.get(0) + ": " + measured + " vs " + bound);
        }
    }

    @Test
    void theSwarmIsNeverFasterThanTheBound() throws Exception {
        int measured = 0;
        for (double[] r : swarmRows()) {
            measured++;
            assertTrue(r[2] >= r[1], "N=" + (int) r[0] + ": the swarm took " + r[2] + " F/u, below D_p2p = " + r[1]);
        }
        assertTrue(measured >= 5, "the defaults measure the swarm at several N");
    }

    @Test
    void theSwarmIsWithinTwentyPercentOfTheBoundFromTenPeersOn() throws Exception {
        for (double[] r : swarmRows()) {
            if (r[0] >= 10) {
                assertTrue(r[2] <= 1.2 * r[1], "N=" + (int) r[0] + ": the swarm took " + r[2] / r[1] + " x D_p2p");
            }
        }
    }

    /** {N, D_p2p, measured} for every N the swarm was run at, in units of F/u. */
    private static List<double[]> swarmRows() throws Exception {
        List<double[]> out = new java.util.ArrayList<>();
        for (List<Object> row : report().table().rows()) {
            double measured = ((Number) row.get(5)).doubleValue();
            if (!Double.isNaN(measured)) {
                out.add(new double[] {(Integer) row.get(0), ((Number) row.get(4)).doubleValue(), measured});
            }
        }
        return out;
    }
}
