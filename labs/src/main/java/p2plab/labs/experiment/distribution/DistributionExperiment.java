package p2plab.labs.experiment.distribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.overlay.Progress;
import java.util.concurrent.TimeoutException;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.experiment.Experiment;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.Plot;
import p2plab.labs.experiment.ResultTable;
import p2plab.labs.session.Transports;

/**
 * Client-server vs peer-to-peer distribution time as N grows (Kurose & Ross, figure 2.23):
 * the client-server baseline and a BitTorrent swarm, both simulated with per-peer bandwidth,
 * beside D_cs and D_p2p. Times are reported in units of F/u (hours at the textbook setting).
 *
 * <p>The swarm runs BEP 3's customary settings (5 requests outstanding, 4+1 unchoke slots for
 * leechers and seed). The one choice made for the figure is the piece length, 64 KiB: at the
 * textbook's slow links a piece must cross a peer's upload before the peer can trade it, and
 * smaller pieces start the swarm sooner (docs/experiments.md has the measurements).
 */
public final class DistributionExperiment implements Experiment {

    @Override
    public String name() {
        return "distribution";
    }

    @Override
    public String description() {
        return "client-server vs BitTorrent distribution time as N grows, against D_cs and D_p2p";
    }

    @Override
    public Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("n", "1..30");
        d.put("swarm-n", "1,5,10,15,20,25,30");
        d.put("u", "8192");
        d.put("file-over-u-s", "3600");
        d.put("server-over-u", "10");
        d.put("dmin-over-u", "10");
        d.put("piece-length", "65536");
        d.put("pipeline", "5");
        d.put("picker", "rarest");
        d.put("rechoke-s", "10");
        d.put("optimistic-s", "30");
        d.put("snub-s", "60");
        d.put("slots", "4");
        d.put("seed-slots", "4");
        return d;
    }

    /** Times are in units of F/u, the time one peer needs to upload the file once. */
    @Override
    public Map<String, String> units() {
        return Map.of("d_cs_theory", "F/u", "client_server", "F/u", "d_p2p_theory", "F/u", "bittorrent", "F/u");
    }

    /**
     * The BitTorrent swarm of {@code n} leechers with these parameters, exactly as {@link #run}
     * measures it (simulator seed {@code seed + n}); the distribution benchmark calls this too.
     */
    public static SwarmDistribution.Outcome swarm(Parameters p, int n, long seed, List<SwarmDistribution.Sample> trace)
            throws TimeoutException {
        long u = upload(p);
        SwarmDistribution.Settings settings = new SwarmDistribution.Settings(p.integer("piece-length"), p.integer("pipeline"),
                p.string("picker"), seconds(p, "rechoke-s"), seconds(p, "optimistic-s"), seconds(p, "snub-s"),
                p.integer("slots"), p.integer("seed-slots"));
        return SwarmDistribution.run(seed + n, n, u * p.integer("file-over-u-s"), u * p.integer("server-over-u"), u,
                u * p.integer("dmin-over-u"), settings, trace);
    }

    private static long upload(Parameters p) {
        long u = p.integer("u");
        if (u <= 0) {
            throw new IllegalArgumentException("parameter u must be > 0 bytes/s");
        }
        return u;
    }

    @Override
    public ExperimentReport run(Parameters p, long seed, Progress progress) throws Exception {
        long u = upload(p);
        long f = u * p.integer("file-over-u-s");
        long us = u * p.integer("server-over-u");
        long dmin = u * p.integer("dmin-over-u");
        double hour = (double) f / u; // F/u in seconds: the unit of every time in the table
        List<Integer> swarmNs = p.integers("swarm-n");
        List<Integer> ns = new ArrayList<>(p.integers("n"));
        for (int n : swarmNs) {
            if (!ns.contains(n)) {
                ns.add(n);
            }
        }
        ns.sort(null);
        ResultTable table = new ResultTable(List.of("n", "d_cs_theory", "client_server", "cs_error_pct", "d_p2p_theory",
                "bittorrent", "p2p_over_bound", "bt_bytes_received_over_nf"));
        List<Integer> stalled = new ArrayList<>();
        int traced = swarmNs.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<SwarmDistribution.Sample> trace = new ArrayList<>();
        List<double[]> csPoints = new ArrayList<>();
        List<double[]> btPoints = new ArrayList<>();
        int done = 0;
        for (int n : ns) {
            progress.update("n = " + n, done++, ns.size());
            if (n < 1) {
                throw new IllegalArgumentException("parameter n must list peer counts >= 1, got " + n);
            }
            double dcs = DistributionTheory.clientServer(n, f, us, dmin);
            double dp2p = DistributionTheory.peerToPeer(n, f, us, dmin, (double) n * u);
            double cs = ClientServerDistribution.run(Transports.simulator(seed + n), n, f, us, dmin);
            double bt = Double.NaN;
            double received = Double.NaN;
            if (swarmNs.contains(n)) {
                try {
                    SwarmDistribution.Outcome o = swarm(p, n, seed, n == traced ? trace : null);
                    bt = o.seconds();
                    received = o.received();
                } catch (TimeoutException e) {
                    stalled.add(n); // reported below, not hidden: the table cell stays empty
                }
            }
            table.add(n, dcs / hour, cs / hour, 100 * (cs - dcs) / dcs, dp2p / hour, bt / hour, bt / dp2p, received);
            csPoints.add(new double[] {n, cs / hour});
            if (!Double.isNaN(bt)) {
                btPoints.add(new double[] {n, bt / hour});
            }
        }
        double[] x = table.column("n");
        boolean logX = x.length > 0 && x[x.length - 1] > 1000;
        List<Plot.Curve> curves = List.of(
                new Plot.Curve("D_cs = max(NF/u_s, F/d_min)", x, table.column("d_cs_theory"), true),
                new Plot.Curve("D_p2p = max(F/u_s, F/d_min, NF/(u_s + sum u_i))", x, table.column("d_p2p_theory"), true),
                curve("client-server (measured)", csPoints),
                curve("BitTorrent swarm (measured)", btPoints));
        Plot plot = new Plot("distribution", "Distribution time vs N (F/u = " + (long) hour + " s, u_s = "
                + p.integer("server-over-u") + "u)", "N (peers)", "minimum distribution time (units of F/u)", curves, logX, false);
        List<Plot> plots = new ArrayList<>(List.of(plot));
        if (!trace.isEmpty()) {
            plots.add(uploadUse(trace, traced, hour));
        }
        List<String> findings = new ArrayList<>();
        findings.add("Client-server time grows linearly with N: the server alone uploads N copies (NF/u_s).");
        findings.add("Peer-to-peer time levels off: every arriving peer brings upload capacity, so NF/(u_s + N u) tends to F/u.");
        double worst = 0;
        for (List<Object> row : table.rows()) {
            double ratio = ((Number) row.get(6)).doubleValue();
            if (!Double.isNaN(ratio) && ((Number) row.get(0)).intValue() >= 10) {
                worst = Math.max(worst, ratio);
            }
        }
        if (worst > 0) {
            findings.add(String.format(java.util.Locale.ROOT, "The BitTorrent swarm's worst time for N >= 10 is %.2f x D_p2p: "
                    + "real swarms lose time to piece granularity, choking and request latency that the fluid bound ignores.", worst));
        }
        if (!trace.isEmpty()) {
            double seedMean = trace.stream().mapToDouble(SwarmDistribution.Sample::seedUse).average().orElse(0);
            double leechMean = trace.stream().mapToDouble(SwarmDistribution.Sample::leecherUse).average().orElse(0);
            findings.add(String.format(java.util.Locale.ROOT, "In the swarm of N = %d the seed used %.0f%% of its upload capacity on average and "
                    + "the leechers %.0f%% of theirs; the bound assumes 100%% of both, all the time.", traced, 100 * seedMean, 100 * leechMean));
        }
        double twice = 0;
        for (double r : table.column("bt_bytes_received_over_nf")) {
            twice = Double.isNaN(r) ? twice : Math.max(twice, r - 1);
        }
        if (twice > 0.01) {
            findings.add(String.format(java.util.Locale.ROOT, "Up to %.0f%% of the bytes were received twice (endgame duplicates "
                    + "already on the wire when the cancel came): upload spent on them is lost to the bound.", 100 * twice));
        }
        if (!stalled.isEmpty()) {
            findings.add("The swarm did not finish within 20 x D_p2p for N = " + stalled + " with these settings (empty cells).");
        }
        return new ExperimentReport(name(), "Client-server vs P2P distribution time", seed, p.asMap(), table, plots, findings);
    }

    /** The share of the seed's and the leechers' upload in use over time, and how many leechers are done. */
    private static Plot uploadUse(List<SwarmDistribution.Sample> trace, int n, double hour) {
        double[] t = trace.stream().mapToDouble(sample -> sample.seconds() / hour).toArray();
        return Plot.linear("distribution-upload-use", "Upload handed to the uplinks over time, BitTorrent swarm of N = " + n,
                "time since the swarm started (units of F/u)", "bytes sent / upload capacity", List.of(
                        new Plot.Curve("seed (u_s)", t, trace.stream().mapToDouble(SwarmDistribution.Sample::seedUse).toArray(), false),
                        new Plot.Curve("leechers (sum u_i)", t,
                                trace.stream().mapToDouble(SwarmDistribution.Sample::leecherUse).toArray(), false),
                        new Plot.Curve("leechers complete (share)", t,
                                trace.stream().mapToDouble(sample -> (double) sample.complete() / n).toArray(), false)));
    }

    private static java.time.Duration seconds(Parameters p, String name) {
        double s = p.number(name);
        if (s <= 0) {
            throw new IllegalArgumentException("parameter " + name + " must be > 0 seconds, got " + p.string(name));
        }
        return java.time.Duration.ofNanos((long) (s * 1e9));
    }

    private static Plot.Curve curve(String name, List<double[]> points) {
        double[] x = points.stream().mapToDouble(a -> a[0]).toArray();
        double[] y = points.stream().mapToDouble(a -> a[1]).toArray();
        return new Plot.Curve(name, x, y, false);
    }
}
