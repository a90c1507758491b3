package p2plab.labs.experiment.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import p2plab.common.transport.sim.SimTransport;

/**
 * At the textbook parameters (F/u = 1 hour, u_s = 10u, d_min = u_s) the measured client-server
 * distribution time matches D_cs = max(N F / u_s, F / d_min) within 2% for N = 1..30.
 */
class ClientServerMatchesTheBoundTest {
    private static final long U = 100_000;          // a peer's upload, bytes/s
    private static final long F = U * 3600;          // F/u = 1 hour
    private static final long US = 10 * U;           // the server uploads 10u
    private static final long DMIN = US;

    @Test
    void theoryGivesTheTextbookFigures() {
        assertEquals(1.0, DistributionTheory.clientServer(10, F, US, DMIN) / 3600, 1e-9);
        assertEquals(3.0, DistributionTheory.clientServer(30, F, US, DMIN) / 3600, 1e-9);
        assertEquals(0.5, DistributionTheory.peerToPeer(10, F, US, DMIN, 10 * U) / 3600, 1e-9);
        assertEquals(0.75, DistributionTheory.peerToPeer(30, F, US, DMIN, 30 * U) / 3600, 1e-9);
        assertEquals(0.1, DistributionTheory.peerToPeer(1, F, US, DMIN, U) / 3600, 1e-9);
    }

    @Test
    void measuredClientServerTimeIsWithinTwoPercentOfTheBoundForEveryN() throws Exception {
        for (int n = 1; n <= 30; n++) {
            double measured = ClientServerDistribution.run(SimTransport.withSeed(n), n, F, US, DMIN);
            double bound = DistributionTheory.clientServer(n, F, US, DMIN);
            assertTrue(measured >= bound, "N=" + n + ": measured " + measured + " s is below the bound " + bound);
            assertTrue(measured <= bound * 1.02, "N=" + n + ": measured " + measured + " s vs bound " + bound);
        }
    }

    @Test
    void aSlowClientDownlinkSetsThePaceForOneClient() throws Exception {
        double measured = ClientServerDistribution.run(SimTransport.withSeed(1), 1, F, US, US / 4);
        assertEquals(DistributionTheory.clientServer(1, F, US, US / 4), measured, measured * 0.02);
    }
}
