package p2plab.labs.experiment.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.distribution.DistributionExperiment;
import p2plab.labs.experiment.distribution.DistributionTheory;
import p2plab.labs.experiment.distribution.SwarmDistribution;

/**
 * Simulated distribution time of one file to N leechers against the Kumar-Ross bound
 * max(F/u_s, F/d_min, N F / (u_s + N u)), with the wall time each swarm took. It runs the swarm
 * of {@code p2plab experiment distribution} ({@link DistributionExperiment#swarm}), so for the
 * same parameters and seed both print the same time.
 *
 * <p>Args: the experiment's parameters as {@code key=value} (defaults: the experiment's), and
 * {@code seed=S} (default 1). {@code swarm-n} lists the N values.
 */
public final class DistributionTimeBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        long seed = 1;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, got " + a);
            }
            if (kv[0].equals("seed")) {
                seed = Long.parseLong(kv[1]);
            } else {
                given.put(kv[0], kv[1]);
            }
        }
        Parameters p = new Parameters(new DistributionExperiment().defaults(), given);
        long u = p.integer("u");
        long f = u * p.integer("file-over-u-s");
        long us = u * p.integer("server-over-u");
        long dmin = u * p.integer("dmin-over-u");
        for (int n : p.integers("swarm-n")) {
            long wall = System.nanoTime();
            SwarmDistribution.Outcome o = DistributionExperiment.swarm(p, n, seed, null);
            double bound = DistributionTheory.peerToPeer(n, f, us, dmin, (double) n * u);
            System.out.printf(Locale.ROOT, "N=%d F=%.1f MiB u=%d B/s piece=%d KiB: %.1f s, bound %.1f s, ratio %.3f,"
                    + " received/needed %.3f (wall %.0f s)%n", n, f / 1048576.0, u, p.integer("piece-length") / 1024,
                    o.seconds(), bound, o.seconds() / bound, o.received(), (System.nanoTime() - wall) / 1e9);
        }
    }
}
