package p2plab.labs.experiment.search;

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
import p2plab.common.metrics.Counts;
import p2plab.common.metrics.MetricsSnapshot;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Progress;
import p2plab.common.overlay.Query;
import p2plab.common.overlay.SearchResult;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.labs.experiment.Experiment;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.Plot;
import p2plab.labs.experiment.ProtocolErrors;
import p2plab.labs.experiment.ResultTable;
import p2plab.labs.session.HeapBudget;
import p2plab.labs.session.LabImplementations;
import p2plab.labs.session.Transports;

/**
 * What a search costs in each architecture: messages per query, success, hops to the first hit
 * and the load on the busiest peer, as the network grows and the TTL rises. Napster asks one
 * server; Gnutella floods (or rings, or walks) a random d-regular graph; Kazaa floods among
 * supernodes. The flooding tree bound d * sum_{i<t} (d-1)^i is drawn beside Gnutella.
 */
public final class SearchCostExperiment implements Experiment {
    static final Duration SETTLE = Duration.ofSeconds(5);
    static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(120);

    /** One architecture as measured: an overlay and its options. */
    record Variant(String label, String overlay, Map<String, String> options, boolean usesTtl) {
    }

    @Override
    public String name() {
        return "search-cost";
    }

    @Override
    public String description() {
        return "messages per query, success, hops and busiest-peer load vs network size and TTL, with the flooding bound";
    }

    @Override
    public Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("variants", "napster,gnutella-flooding,gnutella-expanding-ring,gnutella-random-walk,kazaa,kademlia");
        d.put("peers", "50,200,1000");
        d.put("ttl", "1..5");
        d.put("degree", "4");
        d.put("files", "200");
        d.put("queries", "30");
        d.put("walkers", "4");
        d.put("impl", "default");
        return d;
    }

    /** The largest network of any variant, with its catalogue shared; one network is built at a time. */
    @Override
    public long heapNeeded(Parameters p) {
        int peers = p.integers("peers").stream().mapToInt(Integer::intValue).max().orElse(0);
        return p.words("variants").stream()
                .mapToLong(v -> HeapBudget.network(variant(v, p).overlay(), peers, p.integer("files"))).max().orElse(0);
    }

    /** Query messages of a flood along a tree of degree d with TTL t: d * sum_{i<t} (d-1)^i. */
    public static long floodingBound(int degree, int ttl) {
        long sum = 0;
        long term = 1;
        for (int i = 0; i < ttl; i++) {
            sum += term;
            term *= degree - 1;
        }
        return degree * sum;
    }

    @Override
    public ExperimentReport run(Parameters p, long seed, Progress progress) throws Exception {
        int degree = p.integer("degree");
        Map<String, Overlay> overlays = new LinkedHashMap<>();
        for (Overlay o : ServiceLoader.load(Overlay.class)) {
            overlays.put(o.name(), o);
        }
        ResultTable table = new ResultTable(List.of("variant", "peers", "ttl", "messages_per_query", "query_messages_per_query",
                "flooding_bound", "success", "hops_to_first_hit", "busiest_peer_load"));
        int runs = 0;
        for (String v : p.words("variants")) {
            runs += p.integers("peers").size() * (variant(v, p).usesTtl() ? p.integers("ttl").size() : 1);
        }
        int done = 0;
        for (String v : p.words("variants")) {
            Variant variant = variant(v, p);
            Overlay overlay = p.string("impl").equals("default") ? overlays.get(variant.overlay())
                    : LabImplementations.overlay(variant.overlay(), p.string("impl")); // a lab's strategy swapped in
            if (overlay == null) {
                throw new IllegalArgumentException("overlay '" + variant.overlay() + "' is not installed; installed: "
                        + String.join(", ", overlays.keySet()));
            }
            for (int peers : p.integers("peers")) {
                List<Integer> ttls = variant.usesTtl() ? p.integers("ttl") : List.of(0);
                for (int ttl : ttls) {
                    progress.update(v + ", " + peers + " peers" + (variant.usesTtl() ? ", ttl " + ttl : ""), done++, runs);
                    TopologySpec topology = variant.overlay().equals("gnutella") ? TopologySpec.of("random-regular", degree) : null;
                    Measure m = measure(overlay, variant.options(), topology, peers, ttl, p.integer("files"),
                            p.integer("queries"), seed, null);
                    table.add(v, peers, ttl, m.messagesPerQuery, m.queryMessagesPerQuery,
                            variant.overlay().equals("gnutella") && v.endsWith("flooding") ? (double) floodingBound(degree, ttl) : Double.NaN,
                            m.success, m.hops, m.busiestLoad);
                }
            }
        }
        return new ExperimentReport(name(), "Search cost by architecture", seed, p.asMap(), table, plots(table, p, degree),
                findings(p.words("variants")));
    }

    /** What to conclude, for the variants that ran. */
    private static List<String> findings(List<String> variants) {
        List<String> out = new ArrayList<>();
        if (variants.contains("napster")) {
            out.add("Napster answers every search with a handful of messages, but all of them go through one server: its load grows with the network.");
        }
        if (variants.contains("gnutella-flooding") || variants.contains("gnutella")) {
            out.add("Gnutella flooding costs grow like (d-1)^TTL; they equal the tree bound while the horizon is a tree and fall below it "
                    + "once it meets cycles (duplicates are dropped) or runs out of peers.");
        }
        if (variants.contains("gnutella-expanding-ring") || variants.contains("gnutella-random-walk")) {
            out.add("Expanding rings and random walks trade success and hops for far fewer messages; they help most for popular files.");
        }
        if (variants.contains("kazaa")) {
            out.add("Kazaa floods only among supernodes. Its TTL counts supernode hops, so at TTL 1 it already searches several "
                    + "supernodes' indexes and costs more than a Gnutella flood of TTL 1; at equal success it costs less "
                    + "(search-cost-efficiency). The supernodes carry the load.");
        }
        if (variants.contains("kademlia")) {
            out.add("Kademlia finds a keyword's holders with a lookup whose messages grow like log2 N, not N: no server, no flood; "
                    + "each peer stores only the keys closest to its id.");
        }
        return out;
    }

    private static Variant variant(String v, Parameters p) {
        return switch (v) {
            case "napster" -> new Variant(v, "napster", Map.of(), false);
            case "gnutella-flooding", "gnutella" -> new Variant(v, "gnutella", Map.of("forwarding", "flooding"), true);
            case "gnutella-expanding-ring" -> new Variant(v, "gnutella", Map.of("forwarding", "expanding-ring"), true);
            case "gnutella-random-walk" -> new Variant(v, "gnutella", Map.of("forwarding", "random-walk", "walkers",
                    p.string("walkers")), true);
            case "kazaa" -> new Variant(v, "kazaa", Map.of(), true);
            case "kademlia" -> new Variant(v, "kademlia", Map.of(), false);
            default -> throw new IllegalArgumentException("unknown variant '" + v + "'; choose from napster, gnutella-flooding, "
                    + "gnutella-expanding-ring, gnutella-random-walk, kazaa, kademlia");
        };
    }

    /** Figures of one configuration: means over the queries. */
    record Measure(double messagesPerQuery, double queryMessagesPerQuery, double success, double hops, long busiestLoad) {
    }

    /**
     * Builds one network, shares a seeded catalogue, asks {@code queries} searches and reads the
     * counters. When {@code from} is given every search starts there; otherwise at random sharers.
     * With {@code files} = 0 nothing is shared and the searches look for a word nobody has.
     */
    static Measure measure(Overlay overlay, Map<String, String> options, TopologySpec topology, int peers, int ttl, int files,
                           int queries, long seed, PeerId from) throws TimeoutException {
        try (SimTransport sim = Transports.simulator(seed);
             Network net = overlay.create(new NetworkSpec("search-cost", peers, topology, seed, PeerSpec.UNLIMITED, options), sim)) {
            sim.advance(SETTLE);
            List<PeerId> sharers = net.sharers();
            List<String> texts;
            if (files > 0) {
                Catalogue catalogue = Catalogue.generate(CatalogueSpec.of(files, seed));
                List<List<GeneratedContent>> placement = catalogue.placement(sharers.size());
                for (int i = 0; i < sharers.size(); i++) {
                    net.shareAll(sharers.get(i), placement.get(i)); // a peer's files in one go, in order, as compare shares them
                }
                texts = catalogue.queries(queries, seed);
            } else {
                texts = java.util.Collections.nCopies(queries, "nobodyhasthis");
            }
            sim.advance(SETTLE);
            sim.metrics().reset();
            SplittableRandom askers = new SplittableRandom(seed);
            long messages = 0;
            int found = 0;
            long hops = 0;
            for (String q : texts) {
                PeerId asker = from != null ? from : sharers.get(askers.nextInt(sharers.size()));
                SearchResult r = ProtocolErrors.await(sim, net.search(asker, new Query(q, ttl)), SEARCH_TIMEOUT,
                        "search-cost " + overlay.name() + " with " + peers + " peers");
                messages += r.messages();
                if (r.found()) {
                    found++;
                    hops += r.hopsToFirstHit();
                }
                sim.advance(Duration.ofSeconds(1)); // late answers and duplicates drain before the next query
            }
            MetricsSnapshot s = sim.metrics().snapshot();
            long queryMessages = s.messagesSent(overlay.name() + "/Query");
            long busiest = 0;
            for (Counts c : s.byPeer().values()) {
                busiest = Math.max(busiest, c.messagesSent() + c.messagesReceived());
            }
            int n = texts.size();
            return new Measure((double) messages / n, (double) queryMessages / n, (double) found / n,
                    found == 0 ? Double.NaN : (double) hops / found, busiest);
        }
    }

    private static List<Plot> plots(ResultTable t, Parameters p, int degree) {
        List<Plot> plots = new ArrayList<>();
        List<Integer> sizes = p.integers("peers");
        int largest = sizes.get(sizes.size() - 1);
        int queries = p.integer("queries");
        Map<String, List<double[]>> cost = new LinkedHashMap<>();
        Map<String, List<double[]>> queryCost = new LinkedHashMap<>();
        Map<String, List<double[]>> hit = new LinkedHashMap<>();
        Map<String, List<double[]>> load = new LinkedHashMap<>();
        for (List<Object> row : t.rows()) {
            String v = (String) row.get(0);
            int peers = (Integer) row.get(1);
            int ttl = (Integer) row.get(2);
            if (peers == largest) {
                double success = ((Number) row.get(6)).doubleValue();
                cost.computeIfAbsent(v, k -> new ArrayList<>()).add(new double[] {ttl, ((Number) row.get(3)).doubleValue(), success});
                queryCost.computeIfAbsent(v, k -> new ArrayList<>()).add(new double[] {ttl, ((Number) row.get(4)).doubleValue()});
                hit.computeIfAbsent(v, k -> new ArrayList<>()).add(new double[] {ttl, 100 * success,
                        100 * Plot.rateError(success * queries, queries)});
            }
            load.computeIfAbsent(v, k -> new ArrayList<>()).add(new double[] {peers, ((Number) row.get(8)).doubleValue()});
        }
        List<Integer> ttls = p.integers("ttl");
        double[] ttlAxis = ttls.stream().mapToDouble(i -> i).toArray();

        // Like with like: the tree bound counts Query messages, so it faces flooding's Query
        // messages; what every search cost in all (hits included) is a series of its own.
        List<Plot.Curve> byTtl = new ArrayList<>();
        cost.forEach((v, pts) -> byTtl.add(curve(v + (pts.size() == 1 ? " (no TTL)" : "") + ", all messages", pts, ttls)));
        if (queryCost.containsKey("gnutella-flooding")) {
            byTtl.add(curve("gnutella-flooding, Query messages only", queryCost.get("gnutella-flooding"), ttls));
            byTtl.add(new Plot.Curve("tree bound on Query messages, d*sum (d-1)^i, d=" + degree, ttlAxis,
                    ttls.stream().mapToDouble(i -> floodingBound(degree, i)).toArray(), true));
        }
        plots.add(new Plot("search-cost-messages", "Messages per query vs TTL (" + largest + " peers)", "TTL",
                "messages per query (log)", byTtl, false, true).withCaption(
                "Flooding's Query messages stay at or under the tree bound; all messages add the hits on their way back. "
                        + "Kazaa's TTL counts supernode hops: at TTL 1 its query already searches the indexes of several supernodes, "
                        + "each standing for about 20 peers, so at equal TTL it reaches and costs more than Gnutella; "
                        + "compare them at equal success in the next plot."));

        List<Plot.Curve> efficiency = new ArrayList<>();
        cost.forEach((v, pts) -> efficiency.add(new Plot.Curve(v + (pts.size() == 1 ? " (no TTL)" : ""),
                pts.stream().mapToDouble(a -> 100 * a[2]).toArray(), pts.stream().mapToDouble(a -> a[1]).toArray(), false)));
        plots.add(new Plot("search-cost-efficiency", "Messages per query vs success, one point per TTL (" + largest + " peers)",
                "success (% of " + queries + " queries)", "messages per query (log)", efficiency, false, true).withCaption(
                "Read across: for the same success, the lower curve pays fewer messages. Each point is one TTL, rising to the right."));

        List<Plot.Curve> success = new ArrayList<>();
        hit.forEach((v, pts) -> success.add(curve(v, pts, ttls).withErrors(errors(pts, ttls))));
        plots.add(Plot.linear("search-cost-success", "Search success vs TTL (" + largest + " peers)", "TTL",
                "success (% of " + queries + " queries)", success).withCaption(
                "Bars: 95 % confidence interval of a rate measured on " + queries + " queries (Agresti-Coull)."));
        List<Plot.Curve> loads = new ArrayList<>();
        load.forEach((v, pts) -> {
            Map<Double, double[]> maxBySize = new java.util.TreeMap<>();
            for (double[] pt : pts) {
                maxBySize.merge(pt[0], pt, (a, b) -> a[1] >= b[1] ? a : b);
            }
            loads.add(new Plot.Curve(v, maxBySize.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    maxBySize.values().stream().mapToDouble(a -> a[1]).toArray(), false));
        });
        plots.add(Plot.linear("search-cost-load", "Busiest peer's messages vs network size (worst TTL)", "peers",
                "messages sent + received by the busiest peer", loads));
        return plots;
    }

    /** The third value of each point (an error bar), spread like {@link #curve} spreads the y values. */
    private static double[] errors(List<double[]> pts, List<Integer> ttls) {
        if (pts.size() == 1 && pts.get(0)[0] == 0) {
            double[] e = new double[ttls.size()];
            java.util.Arrays.fill(e, pts.get(0)[2]);
            return e;
        }
        return pts.stream().mapToDouble(a -> a[2]).toArray();
    }

    /** Points by TTL; a variant without TTL is drawn flat across the TTL range. */
    private static Plot.Curve curve(String name, List<double[]> pts, List<Integer> ttls) {
        if (pts.size() == 1 && pts.get(0)[0] == 0) {
            double[] x = ttls.stream().mapToDouble(i -> i).toArray();
            double[] y = new double[x.length];
            java.util.Arrays.fill(y, pts.get(0)[1]);
            return new Plot.Curve(name, x, y, false);
        }
        return new Plot.Curve(name, pts.stream().mapToDouble(a -> a[0]).toArray(), pts.stream().mapToDouble(a -> a[1]).toArray(), false);
    }
}
