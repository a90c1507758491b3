package p2plab.labs.experiment.churn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.overlay.Progress;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.Plot;
import p2plab.labs.experiment.ResultTable;
import p2plab.labs.session.Transports;
import p2plab.labs.trackerless.TrackerDeath;
import p2plab.labs.trackerless.TrackerDeath.Discovery;

/**
 * The churn experiment's other part ({@code -p part=tracker-death}): the one peer a BitTorrent
 * swarm cannot lose. A swarm's tracker dies when the first download is half done; peers that
 * start afterwards find the swarm through the DHT, or not at all. For each way of finding peers
 * and each run: time to the first peer and to a complete download, before and after the death.
 */
final class TrackerDeathComparison {
    /** This part's parameters and their defaults (listed with the rest by {@code experiment list}). */
    static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("part", "sessions");
        d.put("discovery", "tracker,tracker+dht,dht");
        d.put("death-peers", "200");
        d.put("death-early", "99");
        d.put("death-file-kib", "1024");
        d.put("death-piece-kib", "64");
        d.put("death-upload-kib", "128");
        d.put("death-runs", "3");
        d.put("death-limit-s", "300");
        return d;
    }

    private TrackerDeathComparison() {
    }

    static ExperimentReport run(Parameters p, long seed, Progress progress) {
        ResultTable table = new ResultTable(List.of("discovery", "run_seed", "peers", "killed_at_s", "early_first_peer_median_s",
                "early_done", "early_completion_median_s", "late_peers", "late_with_peer", "late_done", "late_first_peer_median_s", "late_completion_median_s",
                "late_completion_last_s"));
        List<String> discoveries = p.words("discovery");
        int runs = p.integer("death-runs");
        TrackerDeath.Setup base = new TrackerDeath.Setup(p.integer("death-peers"), p.integer("death-early"),
                p.integer("death-file-kib") * 1024L, p.integer("death-piece-kib") * 1024, p.integer("death-upload-kib") * 1024L,
                Discovery.TRACKER, seed, Duration.ofMillis(100), Duration.ofSeconds(p.integer("death-limit-s")));
        Map<String, List<Double>> firstPeer = new LinkedHashMap<>();
        Map<String, List<Double>> completion = new LinkedHashMap<>();
        int done = 0;
        for (String name : discoveries) {
            Discovery d = Discovery.parse(name);
            firstPeer.put(name, new ArrayList<>());
            completion.put(name, new ArrayList<>());
            for (int r = 0; r < runs; r++) {
                progress.update(name + ", run " + (r + 1) + " of " + runs, done++, (long) discoveries.size() * runs);
                TrackerDeath.Setup s = base.with(d).withSeed(seed + r);
                TrackerDeath.Outcome o;
                try (SimTransport sim = Transports.simulator(s.seed())) {
                    o = TrackerDeath.run(s, sim);
                }
                table.add(name, s.seed(), s.peers(), o.killedAt(), TrackerDeath.median(o.earlyFirstPeer()), o.earlyCompleted(),
                        TrackerDeath.median(o.earlyDone()), s.late(),
                        o.lateWithPeer(), o.lateCompleted(), TrackerDeath.median(o.lateFirstPeer()), TrackerDeath.median(o.lateDone()),
                        o.lateDone().length == 0 ? Double.NaN : o.lateDone()[o.lateDone().length - 1]);
                for (double t : o.lateFirstPeer()) {
                    firstPeer.get(name).add(t);
                }
                for (double t : o.lateDone()) {
                    completion.get(name).add(t);
                }
            }
        }
        double limit = p.integer("death-limit-s");
        int latePeers = base.late() * runs;
        List<Plot> plots = List.of(
                cdf("tracker-death-first-peer", "Late peers that found a peer, after the tracker died",
                        "late peers with at least one peer (%)", firstPeer, latePeers, limit),
                cdf("tracker-death-completion", "Late peers that completed the download, after the tracker died",
                        "late peers with the whole file (%)", completion, latePeers, limit));
        return new ExperimentReport("churn", "Churn: the tracker dies halfway through the first download", seed, p.asMap(), table,
                plots, List.of(
                        "With the tracker alone, a peer that starts after the tracker died never finds the swarm, though the swarm is alive and every earlier peer completes.",
                        "With a DHT beside the tracker, late peers find the swarm in their first get_peers lookup and complete as the early ones did: the tracker was the swarm's last central point.",
                        "Finding the first peer through the DHT alone costs a lookup of several rounds instead of one tracker request, a fraction of a second in simulation against a download of many seconds."));
    }

    /**
     * The share of late peers (all runs pooled) that had reached a point, against seconds since
     * they started; every curve runs on to a quarter past the last time seen (or the limit), so
     * the curves that stay at zero are drawn as far.
     */
    private static Plot cdf(String file, String title, String yLabel, Map<String, List<Double>> times, int latePeers, double limit) {
        double last = times.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(limit);
        double end = Math.min(limit, Math.ceil(last * 1.25));
        List<Plot.Curve> curves = new ArrayList<>();
        times.forEach((name, list) -> {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] x = new double[sorted.length + 2];
            double[] y = new double[sorted.length + 2];
            for (int i = 0; i < sorted.length; i++) {
                x[i + 1] = sorted[i];
                y[i + 1] = 100.0 * (i + 1) / latePeers;
            }
            x[sorted.length + 1] = end;
            y[sorted.length + 1] = 100.0 * sorted.length / latePeers;
            curves.add(new Plot.Curve(name, x, y, false));
        });
        return Plot.linear(file, title, "seconds since the late peers started (the tracker had just died)", yLabel, curves);
    }
}
