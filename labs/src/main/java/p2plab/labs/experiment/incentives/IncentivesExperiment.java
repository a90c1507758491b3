package p2plab.labs.experiment.incentives;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import p2plab.bittorrent.BitTorrentOverlay;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.choke.TitForTatChoker;
import p2plab.bittorrent.picker.Pickers;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Progress;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.experiment.Experiment;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.Plot;
import p2plab.labs.experiment.ProtocolErrors;
import p2plab.labs.experiment.ResultTable;
import p2plab.labs.session.Transports;

/**
 * BitTorrent's incentives and piece selection. Part one: with tit-for-tat and without it (random
 * unchokes), with a share of free-riders who never upload, how long contributors and free-riders
 * take to download. Part two: rarest-first vs random piece selection, the minimum and mean
 * replication of the pieces over time, and the completion time.
 */
public final class IncentivesExperiment implements Experiment {

    @Override
    public String name() {
        return "incentives";
    }

    @Override
    public String description() {
        return "BitTorrent with and without tit-for-tat, with free-riders; rarest-first vs random piece replication";
    }

    @Override
    public Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("leechers", "30");
        d.put("free-rider-share", "0,0.25,0.5");
        d.put("chokers", "tit-for-tat,random");
        d.put("pickers", "rarest,random");
        d.put("u", "16384");
        d.put("seed-over-u", "5");
        d.put("file-kib", "8192");
        d.put("piece-length", "65536");
        d.put("sample-s", "10");
        return d;
    }

    @Override
    public ExperimentReport run(Parameters p, long seed, Progress progress) throws Exception {
        int n = p.integer("leechers");
        long u = p.integer("u");
        long file = 1024L * p.integer("file-kib");
        ResultTable table = new ResultTable(List.of("part", "choker", "picker", "free_riders", "contributor_mean_s",
                "free_rider_mean_s", "last_done_s", "completed", "min_replication_at_half", "mean_replication_at_half",
                "first_time_every_piece_twice_s"));
        List<Plot.Curve> freeRiderCurves = new ArrayList<>();
        List<Plot.Curve> replicationCurves = new ArrayList<>();
        int runs = p.words("chokers").size() * p.words("free-rider-share").size() + p.words("pickers").size();
        int done = 0;
        for (String choker : p.words("chokers")) {
            List<double[]> contrib = new ArrayList<>();
            List<double[]> riders = new ArrayList<>();
            for (String share : p.words("free-rider-share")) {
                double fraction = Double.parseDouble(share);
                int k = (int) Math.round(fraction * n);
                progress.update(choker + " choker, " + k + " free-riders", done++, runs);
                SwarmOutcome s = swarm(seed, n, k, u, file, p, chokerFactory(choker), "rarest");
                table.add("free-riding", choker, "rarest", k, s.contributorMean, s.freeRiderMean, s.last, s.completed,
                        s.minAtHalf, s.meanAtHalf, s.twice);
                contrib.add(new double[] {k, s.contributorMean});
                if (k > 0) {
                    riders.add(new double[] {k, s.freeRiderMean});
                }
            }
            freeRiderCurves.add(curve("contributors, " + choker, contrib));
            freeRiderCurves.add(curve("free-riders, " + choker, riders));
        }
        for (String picker : p.words("pickers")) {
            progress.update(picker + " picker", done++, runs);
            SwarmOutcome s = swarm(seed, n, 0, u, file, p, chokerFactory("tit-for-tat"), picker);
            table.add("piece-selection", "tit-for-tat", picker, 0, s.contributorMean, s.freeRiderMean, s.last, s.completed,
                    s.minAtHalf, s.meanAtHalf, s.twice);
            replicationCurves.add(new Plot.Curve("min replication, " + picker, s.times, s.min, false));
            replicationCurves.add(new Plot.Curve("mean replication, " + picker, s.times, s.mean, false));
        }
        List<Plot> plots = List.of(
                Plot.linear("incentives-free-riders", "Download time of contributors and free-riders (" + n + " leechers)",
                        "free-riders", "mean download time (s)", freeRiderCurves),
                Plot.linear("incentives-replication", "Piece replication over time: rarest-first vs random",
                        "time since the swarm started (s)", "copies of a piece among running peers", replicationCurves));
        return new ExperimentReport(name(), "BitTorrent incentives and piece selection", seed, p.asMap(), table, plots,
                findings(table));
    }

    /** What the figures say, from the figures: who finished first, and how soon no piece was rare. */
    private static List<String> findings(ResultTable t) {
        List<String> out = new ArrayList<>();
        Map<String, double[]> worst = new LinkedHashMap<>();
        for (List<Object> row : t.rows()) {
            if (!row.get(0).equals("free-riding") || ((Integer) row.get(3)) == 0) {
                continue;
            }
            double c = ((Number) row.get(4)).doubleValue();
            double f = ((Number) row.get(5)).doubleValue();
            out.add(String.format(java.util.Locale.ROOT, "%s with %d free-riders: contributors took %.0f s on average, free-riders %.0f s (%s).",
                    row.get(1), (Integer) row.get(3), c, f, f > c * 1.05 ? "free-riders are punished"
                            : f < c * 0.95 ? "free-riders finish first" : "no difference"));
            worst.merge((String) row.get(1), new double[] {(Integer) row.get(3), c}, (a, b) -> b[0] > a[0] ? b : a);
        }
        if (worst.containsKey("tit-for-tat") && worst.containsKey("random")) {
            out.add(String.format(java.util.Locale.ROOT, "With the most free-riders, contributors take %.0f s under tit-for-tat and %.0f s "
                    + "with random unchokes: tit-for-tat keeps contributors' upload among contributors.",
                    worst.get("tit-for-tat")[1], worst.get("random")[1]));
        }
        for (List<Object> row : t.rows()) {
            if (row.get(0).equals("piece-selection")) {
                out.add(String.format(java.util.Locale.ROOT, "%s picker: every piece held by at least two running peers after %.0f s; "
                        + "last leecher done after %.0f s.", row.get(2), ((Number) row.get(10)).doubleValue(),
                        ((Number) row.get(6)).doubleValue()));
            }
        }
        return out;
    }

    private static Supplier<Choker> chokerFactory(String name) {
        return switch (name) {
            case "tit-for-tat", "tft" -> TitForTatChoker::new;
            case "random", "none" -> () -> new RoundRobinChoker(5);
            default -> throw new IllegalArgumentException("choker '" + name + "' unknown; use tit-for-tat or random");
        };
    }

    /** What one swarm did. */
    private record SwarmOutcome(double contributorMean, double freeRiderMean, double last, int completed, double minAtHalf,
                         double meanAtHalf, double twice, double[] times, double[] min, double[] mean) {
    }

    private static SwarmOutcome swarm(long seed, int n, int freeRiders, long u, long file, Parameters p, Supplier<Choker> chokers,
                               String picker) throws Exception {
        Map<String, String> options = Map.of("piece-length", p.string("piece-length"), "free-riders", Integer.toString(freeRiders),
                "interval", "86400");
        try (SimTransport sim = Transports.simulator(seed);
             Network net = new BitTorrentOverlay(Pickers.byName(picker), chokers).create(new NetworkSpec("incentives", n, null,
                     seed, PeerSpec.rates(u, 8 * u), options), sim)) {
            List<PeerId> leechers = new ArrayList<>(net.peers().subList(1, n + 1));
            PeerId source = net.addPeer(PeerSpec.rates(u * p.integer("seed-over-u"), 8 * u));
            GeneratedContent content = new GeneratedContent("incentives-file", file, seed);
            net.share(source, content);
            sim.advance(Duration.ofSeconds(1));
            long start = sim.clock().nanos();
            Map<PeerId, Double> done = new HashMap<>();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (PeerId l : leechers) {
                all.add(net.download(l, content.id()).thenAccept(t -> done.put(l, (sim.clock().nanos() - start) / 1e9)));
            }
            CompletableFuture<Void> everyone = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
            List<double[]> samples = new ArrayList<>();
            long step = Duration.ofSeconds(p.integer("sample-s")).toNanos();
            long limit = start + Duration.ofHours(6).toNanos();
            while (!everyone.isDone() && sim.clock().nanos() < limit) {
                sim.advance(Duration.ofNanos(step));
                int[] rep = net.replication(content.id());
                int min = Integer.MAX_VALUE;
                long sum = 0;
                for (int r : rep) {
                    min = Math.min(min, r);
                    sum += r;
                }
                samples.add(new double[] {(sim.clock().nanos() - start) / 1e9, min, (double) sum / rep.length});
            }
            double contrib = 0;
            int nc = 0;
            double rider = 0;
            int nr = 0;
            double last = 0;
            for (int i = 0; i < leechers.size(); i++) {
                Double t = done.get(leechers.get(i));
                if (t == null) {
                    continue;
                }
                last = Math.max(last, t);
                if (i >= n - freeRiders) {
                    rider += t;
                    nr++;
                } else {
                    contrib += t;
                    nc++;
                }
            }
            ProtocolErrors.requireNone(sim, "incentives swarm of " + n + " with " + freeRiders + " free-riders");
            double[] half = samples.isEmpty() ? new double[] {0, Double.NaN, Double.NaN} : samples.get(samples.size() / 2);
            double twice = samples.stream().filter(a -> a[1] >= 2).mapToDouble(a -> a[0]).findFirst().orElse(Double.NaN);
            return new SwarmOutcome(nc == 0 ? Double.NaN : contrib / nc, nr == 0 ? Double.NaN : rider / nr, last, done.size(), half[1],
                    half[2], twice, samples.stream().mapToDouble(a -> a[0]).toArray(), samples.stream().mapToDouble(a -> a[1]).toArray(),
                    samples.stream().mapToDouble(a -> a[2]).toArray());
        }
    }

    private static Plot.Curve curve(String name, List<double[]> pts) {
        return new Plot.Curve(name, pts.stream().mapToDouble(a -> a[0]).toArray(), pts.stream().mapToDouble(a -> a[1]).toArray(), false);
    }
}
