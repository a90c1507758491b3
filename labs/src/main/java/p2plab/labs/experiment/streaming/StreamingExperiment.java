package p2plab.labs.experiment.streaming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.transport.sim.SimConfig;
import p2plab.common.transport.sim.SimTransport;
import p2plab.common.overlay.Progress;
import p2plab.labs.experiment.Experiment;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.Plot;
import p2plab.labs.experiment.ResultTable;
import p2plab.labs.session.HeapBudget;
import p2plab.streaming.geo.Geography;
import p2plab.streaming.measure.PlayLog;
import p2plab.streaming.measure.PlaySummary;
import p2plab.streaming.media.SourceKind;
import p2plab.streaming.workload.Popularity;
import p2plab.streaming.workload.SessionLengths;
import p2plab.streaming.workload.Workload;

/**
 * Music on demand three ways — one origin, a CDN of edge caches, Spotify's hybrid — with the
 * same listeners, the same workload and the same origin capacity, for growing N; then the
 * hybrid alone with its cache size and the popularity skew swept; the hybrid's figures beside
 * Spotify's published ones (Kreitz and Niemelä, IEEE P2P 2010).
 */
public final class StreamingExperiment implements Experiment {
    /** Spotify's figures: share of played data from servers, P2P, cache; median latency; share of plays that stutter. */
    static final double SPOTIFY_SERVER = 0.088;
    static final double SPOTIFY_P2P = 0.358;
    static final double SPOTIFY_CACHE = 0.554;
    static final double SPOTIFY_MEDIAN_MS = 265;
    static final double SPOTIFY_STUTTER = 0.01;

    @Override
    public String name() {
        return "streaming";
    }

    @Override
    public String description() {
        return "one server vs CDN vs Spotify's hybrid: latency, stutters, server egress; cache and skew swept";
    }

    @Override
    public Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("listeners", "100,1000,3000");
        d.put("modes", "server,cdn,hybrid");
        d.put("hours", "2");
        d.put("tracks", "100000");
        d.put("history", "300");
        d.put("cache", "200");
        d.put("cache-sweep", "0,50,200,800");
        d.put("skew-sweep", "0.8,1.1,1.3");
        d.put("server-upload", "1000000");
        d.put("edges", "4");
        d.put("edge-upload", "1000000");
        d.put("edge-cache", "300000");
        d.put("peer-upload", "100000");
        d.put("peer-download", "1000000");
        d.put("sessions-per-day", "1.5");
        d.put("predictable", "0.61");
        return d;
    }

    /** Its largest audience, one network at a time. */
    @Override
    public long heapNeeded(Parameters p) {
        return HeapBudget.network("streaming", p.integers("listeners").stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    @Override
    public ExperimentReport run(Parameters p, long seed, Progress progress) {
        List<Integer> ns = p.integers("listeners");
        int biggest = ns.stream().mapToInt(Integer::intValue).max().orElseThrow(
                () -> new IllegalArgumentException("parameter listeners must list at least one N"));
        int tracks = p.integer("tracks");
        double hours = p.number("hours");
        if (hours <= 0 || tracks < 1 || biggest < 1) {
            throw new IllegalArgumentException("hours, tracks and listeners must be > 0");
        }
        double defaultSkew = Popularity.exponentFor(tracks, 0.12, 0.88);
        ResultTable table = new ResultTable(List.of("sweep", "mode", "listeners", "cache_tracks", "zipf_s", "plays",
                "median_latency_ms", "p99_latency_ms", "net_starts_pct", "median_net_latency_ms", "stutters_per_play", "plays_stuttering_pct", "server_pct", "edge_pct",
                "peer_pct", "cache_pct", "origin_gb", "origin_peak_mb_s"));
        Map<String, List<double[]>> latencyByMode = new LinkedHashMap<>();
        List<Plot.Curve> egress = new ArrayList<>();
        PlaySummary hybridAtDefault = null;
        for (String mode : p.words("modes")) {
            for (int n : ns) {
                progress.update(mode + ", " + n + " listeners", 0, 0);
                Outcome o = runOne(p, seed, mode, n, p.integer("cache"), defaultSkew);
                row(table, "modes", mode, n, p.integer("cache"), defaultSkew, o);
                latencyByMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(new double[] {n, o.summary.medianLatencyMs()});
                if (n == biggest) {
                    egress.add(egressCurve(mode, o.log));
                    if (mode.equals("hybrid")) {
                        hybridAtDefault = o.summary;
                    }
                }
            }
        }
        List<double[]> byCache = new ArrayList<>();
        for (int cache : p.integers("cache-sweep")) {
            Outcome o = runOne(p, seed, "hybrid", biggest, cache, defaultSkew);
            row(table, "cache", "hybrid", biggest, cache, defaultSkew, o);
            byCache.add(new double[] {cache, 100 * o.summary.share(SourceKind.SERVER), 100 * o.summary.share(SourceKind.PEER),
                    100 * o.summary.share(SourceKind.CACHE)});
        }
        List<double[]> bySkew = new ArrayList<>();
        for (String s : p.words("skew-sweep")) {
            double skew;
            try {
                skew = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter skew-sweep must list Zipf exponents like 0.8,1.1, got '" + s + "'");
            }
            Outcome o = runOne(p, seed, "hybrid", biggest, p.integer("cache"), skew);
            row(table, "skew", "hybrid", biggest, p.integer("cache"), skew, o);
            bySkew.add(new double[] {skew, 100 * o.summary.share(SourceKind.SERVER), 100 * o.summary.share(SourceKind.PEER),
                    100 * o.summary.share(SourceKind.CACHE)});
        }
        List<Plot> plots = new ArrayList<>();
        plots.add(Plot.linear("streaming-egress", "Origin egress over time, N = " + biggest, "time (minutes)",
                "origin egress (MB/s, one-minute bins)", egress));
        List<Plot.Curve> latency = new ArrayList<>();
        latencyByMode.forEach((mode, pts) -> latency.add(curve(mode, pts, 1)));
        plots.add(new Plot("streaming-latency", "Median playback latency vs N", "listeners", "median latency (ms)", latency,
                biggest >= 1000, false));
        if (!byCache.isEmpty()) {
            plots.add(Plot.linear("streaming-cache", "Hybrid: share of played data by source vs cache size, N = " + biggest,
                    "cache (tracks)", "share of played bytes (%)", List.of(curve("server", byCache, 1),
                            curve("peers", byCache, 2), curve("cache", byCache, 3))));
        }
        if (!bySkew.isEmpty()) {
            plots.add(Plot.linear("streaming-skew", "Hybrid: share of played data by source vs Zipf exponent, N = " + biggest,
                    "Zipf exponent", "share of played bytes (%)", List.of(curve("server", bySkew, 1), curve("peers", bySkew, 2),
                            curve("cache", bySkew, 3))));
        }
        return new ExperimentReport(name(), "Streaming: one server, a CDN, Spotify's hybrid", seed, p.asMap(), table, plots,
                findings(hybridAtDefault, biggest, defaultSkew));
    }

    private record Outcome(PlaySummary summary, PlayLog log) {
    }

    private static Outcome runOne(Parameters p, long seed, String mode, int n, int cache, double skew) {
        Map<String, String> o = new HashMap<>();
        o.put("mode", mode);
        o.put("tracks", p.string("tracks"));
        o.put("cache", Integer.toString(cache));
        o.put("serverUpload", p.string("server-upload"));
        o.put("edges", p.string("edges"));
        o.put("edgeUpload", p.string("edge-upload"));
        o.put("edgeCache", p.string("edge-cache"));
        NetworkSpec spec = NetworkSpec.of("experiment", n, seed)
                .withPeerSpec(PeerSpec.rates(p.integer("peer-upload"), p.integer("peer-download"))).withOptions(o);
        Workload w = new Workload(new Popularity(p.integer("tracks"), skew), SessionLengths.DEFAULT,
                p.number("sessions-per-day"), p.number("predictable"), p.number("hours") * 3600, Workload.FlashCrowd.NONE);
        Geography g = Geography.DEFAULT;
        // Cancellable as every experiment is: Ctrl-C in the shell interrupts this thread.
        try (SimTransport sim = new SimTransport(SimConfig.seeded(seed).withLatency(g::latencyNanos))
                .cancelWhen(() -> Thread.currentThread().isInterrupted())) {
            PlayLog log = p2plab.streaming.workload.DayRun.run(sim, spec, null, w, p.integer("history"), seed);
            return new Outcome(log.summary(), log);
        }
    }

    private static void row(ResultTable t, String sweep, String mode, int n, int cache, double skew, Outcome o) {
        PlaySummary s = o.summary;
        long peak = 0;
        for (long b : o.log.originEgress()) {
            peak = Math.max(peak, b);
        }
        t.add(sweep, mode, n, cache, round(skew, 3), s.plays(), round(s.medianLatencyMs(), 1), round(s.p99LatencyMs(), 1),
                round(100 * s.networkStarts(), 1), round(s.medianNetworkLatencyMs(), 1),
                round(s.stuttersPerPlay(), 4), round(100 * s.playsWithStutter(), 2), round(100 * s.share(SourceKind.SERVER), 2),
                round(100 * s.share(SourceKind.EDGE), 2), round(100 * s.share(SourceKind.PEER), 2),
                round(100 * s.share(SourceKind.CACHE), 2), round(o.log.originBytes() / 1e9, 3),
                round(peak / 1e6 / (o.log.binNanos() / 1e9), 3));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static Plot.Curve egressCurve(String mode, PlayLog log) {
        long[] bins = log.originEgress();
        if (bins.length == 0) {
            bins = new long[1]; // nothing was sent: one point at zero, so the curve still shows
        }
        double[] x = new double[bins.length];
        double[] y = new double[bins.length];
        double binSeconds = log.binNanos() / 1e9;
        for (int i = 0; i < bins.length; i++) {
            x[i] = i * binSeconds / 60;
            y[i] = bins[i] / 1e6 / binSeconds;
        }
        return new Plot.Curve(mode, x, y, false);
    }

    private static Plot.Curve curve(String name, List<double[]> points, int column) {
        return new Plot.Curve(name, points.stream().mapToDouble(a -> a[0]).toArray(),
                points.stream().mapToDouble(a -> a[column]).toArray(), false);
    }

    private static List<String> findings(PlaySummary h, int n, double skew) {
        List<String> f = new ArrayList<>();
        f.add("One server: every byte crosses its uplink, so latency and stutters grow once N listeners need more than it has.");
        f.add("CDN: the origin sends only the edges' misses; the edges carry the load, so capacity grows by buying edges.");
        if (h != null) {
            f.add(String.format(Locale.ROOT, "Hybrid at N = %d, Zipf s = %.2f, against Spotify (Kreitz and Niemela 2010): "
                            + "server %.1f%% (Spotify 8.8%%, ratio %.2f), peers %.1f%% (35.8%%, %.2f), cache %.1f%% (55.4%%, %.2f), "
                            + "median latency %.0f ms (265 ms, %.2f; %.0f%% of plays waited for the network, their median %.0f ms), "
                            + "plays with a stutter %.2f%% (under 1%%). docs/experiments.md explains each difference.", n, skew,
                    100 * h.share(SourceKind.SERVER), h.share(SourceKind.SERVER) / SPOTIFY_SERVER,
                    100 * h.share(SourceKind.PEER), h.share(SourceKind.PEER) / SPOTIFY_P2P,
                    100 * h.share(SourceKind.CACHE), h.share(SourceKind.CACHE) / SPOTIFY_CACHE,
                    h.medianLatencyMs(), h.medianLatencyMs() / SPOTIFY_MEDIAN_MS, 100 * h.networkStarts(),
                    h.medianNetworkLatencyMs(), 100 * h.playsWithStutter()));
        }
        return f;
    }
}
