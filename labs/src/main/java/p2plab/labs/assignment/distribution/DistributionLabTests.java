package p2plab.labs.assignment.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import p2plab.bittorrent.choke.Chokers;
import p2plab.bittorrent.picker.Pickers;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.experiment.distribution.ClientServerDistribution;
import p2plab.labs.experiment.distribution.DistributionTheory;
import p2plab.labs.assignment.sim.SwarmRun;
import p2plab.labs.grading.Graded;
import p2plab.labs.grading.Subject;
import p2plab.labs.grading.Visibility;

/** Lab 6: the distribution-time bounds, checked against the theory and a simulated server. 22 points. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DistributionLabTests {
    private static final double MB = 1_000_000;

    private static DistributionModel model() {
        return Subject.get(DistributionModel.class);
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-12, what);
    }

    @Test
    @DisplayName("6.1 client-server bound: the server's N copies dominate")
    @Graded(points = 2)
    void clientServerServerBound() {
        close(DistributionTheory.clientServer(100, 10 * MB, 30 * MB, 2 * MB), model().clientServer(100, 10 * MB, 30 * MB, 2 * MB),
                "D_cs for N=100, F=10 MB, u_s=30 MB/s, d_min=2 MB/s");
    }

    @Test
    @DisplayName("6.2 client-server bound: the slowest client dominates")
    @Graded(points = 2)
    void clientServerDownloadBound() {
        close(DistributionTheory.clientServer(3, 10 * MB, 30 * MB, 0.5 * MB), model().clientServer(3, 10 * MB, 30 * MB, 0.5 * MB),
                "D_cs for N=3, F=10 MB, u_s=30 MB/s, d_min=0.5 MB/s");
    }

    @Test
    @DisplayName("6.3 P2P bound: each of its three terms can dominate")
    @Graded(points = 4)
    void peerToPeerTerms() {
        double[][] cases = {
            {1000, 10 * MB, 30 * MB, 2 * MB, 1000 * 0.3 * MB}, // total upload capacity
            {10, 10 * MB, 0.5 * MB, 2 * MB, 10 * 1 * MB},      // the server's one copy
            {10, 10 * MB, 30 * MB, 0.1 * MB, 10 * 5 * MB},     // the slowest download
        };
        for (double[] c : cases) {
            close(DistributionTheory.peerToPeer((int) c[0], c[1], c[2], c[3], c[4]), model().peerToPeer((int) c[0], c[1], c[2], c[3], c[4]),
                    String.format("D_p2p for N=%.0f, F=%.0f, u_s=%.0f, d_min=%.0f, sum u_i=%.0f", c[0], c[1], c[2], c[3], c[4]));
        }
    }

    @Test
    @DisplayName("6.4 P2P never needs longer than client-server (100 random settings)")
    @Graded(points = 2)
    void p2pNeverSlower() {
        java.util.Random r = new java.util.Random(6);
        DistributionModel m = model();
        for (int i = 0; i < 100; i++) {
            int n = 1 + r.nextInt(500);
            double f = MB * (1 + r.nextInt(100)), us = MB * (0.1 + 10 * r.nextDouble()), d = MB * (0.1 + 10 * r.nextDouble());
            double sum = n * MB * r.nextDouble();
            double p2p = m.peerToPeer(n, f, us, d, sum);
            close(DistributionTheory.peerToPeer(n, f, us, d, sum), p2p, "D_p2p");
            assertTrue(p2p <= m.clientServer(n, f, us, d) * (1 + 1e-12), "D_p2p <= D_cs");
        }
    }

    @Test
    @DisplayName("6.5 a simulated client-server run takes at least your D_cs, and at most 10 % more")
    @Graded(points = 3)
    void simulatedClientServerMatchesBound() throws Exception {
        long file = 8L << 20;
        long server = 4L << 20;
        long download = 1L << 20;
        double measured;
        try (SimTransport sim = SimTransport.withSeed(6)) {
            measured = ClientServerDistribution.run(sim, 6, file, server, download);
        }
        double bound = model().clientServer(6, file, server, download);
        assertTrue(bound > 0, "D_cs must be positive, got " + bound);
        assertTrue(measured >= bound * (1 - 1e-6), "simulated " + measured + " s beat your bound " + bound + " s: a lower bound cannot be beaten");
        assertTrue(measured <= bound * 1.10, "simulated " + measured + " s vs your bound " + bound + " s: more than 10 % apart");
    }

    @Test
    @DisplayName("6.6 client-server: the most clients served by a deadline")
    @Graded(points = 2)
    void maxClientsClientServer() {
        DistributionModel m = model();
        assertEquals(60, m.maxClientsClientServer(20, 10 * MB, 30 * MB, 2 * MB), "T=20 s, F=10 MB, u_s=30 MB/s: 60 copies fit");
        assertEquals(0, m.maxClientsClientServer(4, 10 * MB, 30 * MB, 2 * MB), "T=4 s: a 2 MB/s client needs 5 s");
        assertEquals(6, m.maxClientsClientServer(2.2, 10 * MB, 30 * MB, 5 * MB), "T=2.2 s: 6.6 copies -> 6 clients");
    }

    @Test
    @DisplayName("6.7 P2P: the most peers served by a deadline, or any number")
    @Graded(points = 3)
    void maxPeersPeerToPeer() {
        DistributionModel m = model();
        // N F / (u_s + N u) <= T with F = 10, u_s = 5, u = 0.4 (MB): N (10 - 0.4 T) <= 5 T
        assertEquals(50, m.maxPeersPeerToPeer(20, 10 * MB, 5 * MB, 0.4 * MB, 2 * MB), "T=20 s: N (10 - 8) <= 100");
        assertEquals(Integer.MAX_VALUE, m.maxPeersPeerToPeer(25, 10 * MB, 5 * MB, 0.4 * MB, 2 * MB),
                "T=25 s: each peer uploads a whole copy in time, so any N works");
        assertEquals(0, m.maxPeersPeerToPeer(1.5, 10 * MB, 5 * MB, 0.4 * MB, 20 * MB), "T=1.5 s: the server needs 2 s for one copy");
    }

    @Test
    @DisplayName("6.8 deadlines met exactly, and answers consistent with the bounds")
    @Graded(points = 2, visibility = Visibility.HIDDEN)
    void consistentWithBounds() {
        DistributionModel m = model();
        java.util.Random r = new java.util.Random(66);
        for (int i = 0; i < 50; i++) {
            double f = MB * (1 + r.nextInt(20)), us = MB * (1 + r.nextInt(20)), u = MB * 0.1 * (1 + r.nextInt(5)), d = MB * (1 + r.nextInt(5));
            double t = 5 + r.nextInt(60);
            int n = m.maxPeersPeerToPeer(t, f, us, u, d);
            if (n > 0 && n < Integer.MAX_VALUE) {
                assertTrue(DistributionTheory.peerToPeer(n, f, us, d, n * u) <= t * (1 + 1e-9), "N = " + n + " must meet T = " + t);
                assertTrue(DistributionTheory.peerToPeer(n + 1, f, us, d, (n + 1) * u) > t, "N + 1 = " + (n + 1) + " must miss T = " + t);
            }
            int c = m.maxClientsClientServer(t, f, us, d);
            if (c > 0) {
                assertTrue(DistributionTheory.clientServer(c, f, us, d) <= t * (1 + 1e-9), c + " clients must meet T = " + t);
                assertTrue(DistributionTheory.clientServer(c + 1, f, us, d) > t, (c + 1) + " clients must miss T = " + t);
            }
        }
    }

    @Test
    @DisplayName("6.9 a simulated BitTorrent swarm takes at least your D_p2p")
    @Graded(points = 2)
    void swarmRespectsTheBound() {
        int leechers = 5;
        int file = 512 * 1024;
        SwarmRun.Outcome o = SwarmRun.run(Pickers.byName("rarest"), Chokers.byName("tit-for-tat"), leechers, file, 6);
        assertEquals(leechers, o.correct(), "the swarm itself failed: not your fault, but nothing to compare");
        // every peer, the seed included, uploads 256 KiB/s and downloads 1 MiB/s (SwarmRun)
        double bound = model().peerToPeer(leechers, file, 256 * 1024, 1024 * 1024, leechers * 256 * 1024);
        assertTrue(bound > 0, "D_p2p must be positive, got " + bound);
        assertEquals(2.0, bound, 1e-9, "D_p2p for this swarm (the seed's one copy, 512 KiB at 256 KiB/s, dominates)");
        assertTrue(o.slowest() >= bound, "the slowest leecher took " + o.slowest() + " s, below your bound " + bound + " s");
    }
}
