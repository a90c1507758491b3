package p2plab.labs.experiment.churn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import p2plab.common.content.Catalogue;
import p2plab.common.content.CatalogueSpec;
import p2plab.common.content.GeneratedContent;
import p2plab.common.overlay.Hit;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.OverlayException;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Progress;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.Role;
import p2plab.common.overlay.SearchResult;
import p2plab.common.overlay.TransferResult;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.experiment.Experiment;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.Plot;
import p2plab.labs.experiment.ProtocolErrors;
import p2plab.labs.experiment.ResultTable;
import p2plab.labs.session.LabImplementations;
import p2plab.labs.session.Transports;

/**
 * Search success and download completion as peers come and go. For each overlay and each mean
 * session time, peers alternate online and offline periods of that mean (exponential or Pareto)
 * while peers that are up search for popular files (the top tenth of the Zipf catalogue) and
 * rare ones (the bottom half), and download what they find.
 */
public final class ChurnExperiment implements Experiment {
    private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "churn";
    }

    @Override
    public String description() {
        return "search success and download completion vs churn rate, popular vs rare content, for every overlay;"
                + " -p part=tracker-death: a swarm whose tracker dies halfway, with and without a DHT";
    }

    @Override
    public Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("overlays", "napster,gnutella,kazaa,bittorrent,kademlia");
        d.put("peers", "120");
        d.put("files", "300");
        d.put("zipf", "0.8");
        d.put("sessions", "exponential");
        d.put("mean-session-s", "3600,600,120,30");
        d.put("queries", "60");
        d.put("gap-s", "5");
        d.put("impl", "default");
        d.putAll(TrackerDeathComparison.defaults());
        return d;
    }

    @Override
    public ExperimentReport run(Parameters p, long seed, Progress progress) throws Exception {
        switch (p.string("part")) {
            case "sessions" -> { }
            case "tracker-death" -> {
                return TrackerDeathComparison.run(p, seed, progress);
            }
            default -> throw new IllegalArgumentException("part must be sessions or tracker-death, got '" + p.string("part") + "'");
        }
        SessionTimes times = SessionTimes.parse(p.string("sessions"));
        ResultTable table = new ResultTable(List.of("overlay", "mean_session_s", "churn_per_peer_hour",
                "popular_search_success", "rare_search_success", "popular_download_completion", "rare_download_completion",
                "peer_changes", "popular_search_count", "rare_search_count", "popular_download_count", "rare_download_count"));
        Map<String, Overlay> overlays = new LinkedHashMap<>();
        for (Overlay o : ServiceLoader.load(Overlay.class)) {
            overlays.put(o.name(), o);
        }
        int runs = p.words("overlays").size() * p.integers("mean-session-s").size();
        int done = 0;
        for (String name : p.words("overlays")) {
            Overlay overlay = p.string("impl").equals("default") ? overlays.get(name)
                    : LabImplementations.overlay(name, p.string("impl")); // a lab's strategy swapped in
            if (overlay == null) {
                throw new IllegalArgumentException("no overlay '" + name + "'; installed: " + String.join(", ", overlays.keySet()));
            }
            for (int mean : p.integers("mean-session-s")) {
                progress.update(name + ", mean session " + mean + " s", done++, runs);
                Outcome o = runOne(overlay, p, times, mean, seed);
                table.add(name, mean, 3600.0 / mean, o.popularSearch.rate(), o.rareSearch.rate(),
                        o.popularDownload.rate(), o.rareDownload.rate(), o.changes, o.popularSearch.attempts, o.rareSearch.attempts,
                        o.popularDownload.attempts, o.rareDownload.attempts);
            }
        }
        List<Plot> plots = List.of(plot(table, "popular_search", "rare_search", "_success", "churn-search",
                        "Search success vs churn", "searches that found the file (%)"),
                plot(table, "popular_download", "rare_download", "_completion", "churn-download",
                        "Download completion vs churn", "downloads completed, of those found (%)"));
        Map<String, String> params = p.asMap();
        return new ExperimentReport(name(), "Churn: search success and download completion vs session time", seed, params, table,
                plots, List.of(
                        "As sessions shorten, every overlay finds and fetches less: holders leave before they are asked or mid-transfer.",
                        "Rare files suffer first: with one or two holders, one departure makes them unreachable, while popular files keep other holders.",
                        "Napster's server does not churn, but it lists only files of peers that are online: a rare file whose holders are away is not found.",
                        "Flooding depends on the overlay staying connected: departures cut paths and shorten the horizon, so Gnutella degrades most.",
                        "BitTorrent's tracker keeps listing a torrent, so its search always succeeds; what fails under churn is the download of rare files."));
    }

    private Outcome runOne(Overlay overlay, Parameters p, SessionTimes times, int meanSeconds, long seed) throws TimeoutException {
        Outcome out = new Outcome();
        Catalogue catalogue = Catalogue.generate(CatalogueSpec.of(p.integer("files"), seed).withZipfExponent(p.number("zipf")));
        TopologySpec topology = overlay.name().equals("gnutella") ? TopologySpec.of("random-regular", 4) : null;
        try (SimTransport sim = Transports.simulator(seed);
             Network net = overlay.create(new NetworkSpec("churn", p.integer("peers"), topology, seed, PeerSpec.UNLIMITED, Map.of()), sim)) {
            sim.advance(Duration.ofSeconds(5));
            List<PeerId> sharers = new ArrayList<>();
            for (PeerInfo info : net.topology().peers()) {
                if (info.alive() && info.role() != Role.INDEX_SERVER && info.role() != Role.TRACKER) {
                    sharers.add(info.id());
                }
            }
            List<List<GeneratedContent>> placement = catalogue.placement(sharers.size());
            for (int i = 0; i < sharers.size(); i++) {
                for (GeneratedContent c : placement.get(i)) {
                    net.share(sharers.get(i), c);
                }
            }
            sim.advance(Duration.ofSeconds(10));
            Churn churn = new Churn(net, times, meanSeconds, seed ^ meanSeconds);
            churn.start(sharers);
            SplittableRandom random = new SplittableRandom(seed);
            int files = catalogue.size();
            for (int q = 0; q < p.integer("queries"); q++) {
                sim.advance(Duration.ofSeconds(p.integer("gap-s")));
                boolean popular = q % 2 == 0;
                int rank = popular ? 1 + random.nextInt(Math.max(1, files / 10)) : files / 2 + 1 + random.nextInt(Math.max(1, files - files / 2));
                GeneratedContent wanted = catalogue.entry(rank).content();
                List<PeerInfo> now = net.topology().peers();
                List<PeerId> up = new ArrayList<>();
                for (PeerId s : sharers) {
                    if (now.get(s.value()).alive()) {
                        up.add(s);
                    }
                }
                if (up.isEmpty()) {
                    continue;
                }
                PeerId asker = up.get(random.nextInt(up.size()));
                boolean found = false;
                boolean fetched = false;
                String run = "churn " + overlay.name() + " at mean session " + meanSeconds + " s";
                try {
                    SearchResult r = ProtocolErrors.await(sim, net.search(asker, Query.of(wanted.name())), SEARCH_TIMEOUT, run);
                    Hit hit = r.hits().stream().filter(h -> h.content().equals(wanted.id())).findFirst().orElse(null);
                    found = hit != null;
                    if (found) {
                        TransferResult t = ProtocolErrors.await(sim, net.download(asker, wanted.id()), DOWNLOAD_TIMEOUT, run);
                        fetched = t.verified() && t.bytes() == wanted.size();
                    }
                } catch (TimeoutException | OverlayException e) {
                    // a search or download that times out or fails under churn counts as a failure;
                    // anything else is a bug and ends the experiment
                }
                (popular ? out.popularSearch : out.rareSearch).add(found);
                if (found) {
                    (popular ? out.popularDownload : out.rareDownload).add(fetched);
                }
            }
            churn.stop();
            out.changes = churn.changes();
            ProtocolErrors.requireNone(sim, "churn " + overlay.name() + " at mean session " + meanSeconds + " s");
        }
        return out;
    }

    /**
     * Popular and rare requests of every overlay against churn, in percent, with 95 % error bars
     * from the number of requests behind each rate (columns {@code <kind><suffix>} and {@code <kind>_count}).
     */
    private static Plot plot(ResultTable t, String popular, String rare, String suffix, String file, String title, String yLabel) {
        List<Plot.Curve> curves = new ArrayList<>();
        Map<String, List<Integer>> rowsByOverlay = new LinkedHashMap<>();
        List<List<Object>> rows = t.rows();
        for (int r = 0; r < rows.size(); r++) {
            rowsByOverlay.computeIfAbsent((String) rows.get(r).get(0), k -> new ArrayList<>()).add(r);
        }
        double[] churn = t.column("churn_per_peer_hour");
        rowsByOverlay.forEach((overlay, idx) -> {
            for (String kind : List.of(popular, rare)) {
                double[] rate = pick(t.column(kind + suffix), idx);
                double[] n = pick(t.column(kind + "_count"), idx);
                double[] percent = new double[rate.length];
                double[] error = new double[rate.length];
                for (int i = 0; i < rate.length; i++) {
                    percent[i] = 100 * rate[i];
                    error[i] = Double.isNaN(rate[i]) ? 0 : 100 * Plot.rateError(rate[i] * n[i], (int) n[i]);
                }
                curves.add(new Plot.Curve(overlay + " " + kind.substring(0, kind.indexOf('_')), pick(churn, idx), percent, false)
                        .withErrors(error));
            }
        });
        return new Plot(file, title, "session changes per peer-hour (log)", yLabel, curves, true, false).withCaption(
                "Each rate comes from about " + (int) t.column(popular + "_count")[0] + " requests; bars are 95 % confidence intervals "
                        + "(Agresti-Coull), so read the trends, not single points.");
    }

    private static double[] pick(double[] values, List<Integer> idx) {
        return idx.stream().mapToDouble(i -> values[i]).toArray();
    }

    /** Successes out of attempts, for one kind of request. */
    private static final class Rate {
        int attempts;
        private int successes;

        void add(boolean ok) {
            attempts++;
            if (ok) {
                successes++;
            }
        }

        double rate() {
            return attempts == 0 ? Double.NaN : (double) successes / attempts;
        }
    }

    private static final class Outcome {
        final Rate popularSearch = new Rate();
        final Rate rareSearch = new Rate();
        final Rate popularDownload = new Rate();
        final Rate rareDownload = new Rate();
        int changes;
    }
}
