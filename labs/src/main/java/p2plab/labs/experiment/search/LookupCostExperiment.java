package p2plab.labs.experiment.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import p2plab.common.overlay.Network;
import p2plab.common.overlay.NetworkSpec;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.PeerId;
import p2plab.common.overlay.PeerInfo;
import p2plab.common.overlay.PeerSpec;
import p2plab.common.overlay.Progress;
import p2plab.common.topology.TopologySpec;
import p2plab.common.transport.sim.SimTransport;
import p2plab.kademlia.DhtView;
import p2plab.kademlia.krpc.NodeId;
import p2plab.kademlia.lookup.LookupResult;
import p2plab.labs.experiment.Experiment;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.Plot;
import p2plab.labs.experiment.ProtocolErrors;
import p2plab.labs.experiment.ResultTable;
import p2plab.labs.experiment.churn.Churn;
import p2plab.labs.experiment.churn.WeibullSessions;
import p2plab.labs.session.HeapBudget;
import p2plab.labs.session.Transports;

/**
 * What one lookup costs as the network grows: rounds (hops) and messages of a Kademlia lookup
 * for several k and alpha, beside a Gnutella flood that reaches the whole network and a Napster
 * index query, with log2 N drawn; then Kademlia's success and hops under churn with Weibull
 * session lengths, with and without bucket refresh.
 *
 * <p>A Kademlia lookup here is a find_node of a random id; it succeeds when the closest node it
 * returns is the closest live node of the whole network (which the experiment knows).
 */
public final class LookupCostExperiment implements Experiment {
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofMinutes(1);

    @Override
    public String name() {
        return "lookup-cost";
    }

    @Override
    public String description() {
        return "Kademlia lookup hops and messages vs N (several k, alpha) beside flooding and Napster, with log2 N; "
                + "success under Weibull churn with and without bucket refresh";
    }

    @Override
    public Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("peers", "100,300,1000,3000");
        d.put("kademlia", "k8-a3,k8-a1,k4-a3");
        d.put("baselines", "gnutella-flooding,napster");
        d.put("lookups", "20");
        d.put("degree", "4");
        d.put("flood-ttl", "10");
        d.put("files", "100");
        d.put("churn-peers", "200");
        d.put("weibull-shape", "0.4,0.6");
        d.put("median-session-s", "600");
        d.put("churn-minutes", "45");
        d.put("gap-s", "30");
        return d;
    }

    /** One Kademlia configuration, written k8-a3. */
    record Config(int k, int alpha) {
        static Config parse(String word) {
            String[] parts = word.split("-");
            try {
                if (parts.length == 2 && parts[0].startsWith("k") && parts[1].startsWith("a")) {
                    return new Config(Integer.parseInt(parts[0].substring(1)), Integer.parseInt(parts[1].substring(1)));
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("a Kademlia configuration is written k<K>-a<ALPHA>, like k8-a3; got '" + word + "'");
        }

        String label() {
            return "kademlia k=" + k + " alpha=" + alpha;
        }
    }

    /** Its largest network (Kademlia or a baseline, one at a time), with the baselines' catalogue shared. */
    @Override
    public long heapNeeded(Parameters p) {
        int peers = Math.max(p.integer("churn-peers"), p.integers("peers").stream().mapToInt(Integer::intValue).max().orElse(0));
        return java.util.stream.Stream.of("kademlia", "gnutella", "napster")
                .mapToLong(o -> HeapBudget.network(o, peers, p.integer("files"))).max().orElse(0);
    }

    @Override
    public ExperimentReport run(Parameters p, long seed, Progress progress) throws Exception {
        List<Config> configs = p.words("kademlia").stream().map(Config::parse).toList();
        List<String> baselines = p.words("baselines");
        for (String b : baselines) {
            if (!b.equals("gnutella-flooding") && !b.equals("napster")) {
                throw new IllegalArgumentException("baselines are gnutella-flooding and napster, got '" + b + "'");
            }
        }
        List<Double> shapes = new ArrayList<>();
        for (String s : p.words("weibull-shape")) {
            try {
                shapes.add(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter weibull-shape must be numbers like 0.4,0.6, got '" + s + "'");
            }
        }
        Map<String, Overlay> overlays = new LinkedHashMap<>();
        for (Overlay o : ServiceLoader.load(Overlay.class)) {
            overlays.put(o.name(), o);
        }
        ResultTable table = new ResultTable(List.of("part", "variant", "peers", "weibull_shape", "refresh", "lookups",
                "success", "hops", "messages_per_lookup", "log2_n", "peer_changes"));
        List<Integer> sizes = p.integers("peers");
        int runs = sizes.size() * (configs.size() + baselines.size()) + 2 * shapes.size();
        int done = 0;
        int lookups = p.integer("lookups");
        for (int n : sizes) {
            for (Config c : configs) {
                progress.update(c.label() + ", " + n + " peers", done++, runs);
                Outcome o = kademlia(overlays.get("kademlia"), n, c, true, lookups, seed, null);
                table.add("size", c.label(), n, Double.NaN, "on", o.lookups, o.success(), o.hops(), o.messages(), log2(n), 0);
            }
            for (String b : baselines) {
                progress.update(b + ", " + n + " peers", done++, runs);
                boolean flood = b.equals("gnutella-flooding");
                SearchCostExperiment.Measure m = SearchCostExperiment.measure(overlays.get(flood ? "gnutella" : "napster"),
                        flood ? Map.of("forwarding", "flooding") : Map.of(),
                        flood ? TopologySpec.of("random-regular", p.integer("degree")) : null, n,
                        flood ? p.integer("flood-ttl") : 0, p.integer("files"), lookups, seed, null);
                table.add("size", b, n, Double.NaN, "-", lookups, m.success(), m.hops(), m.messagesPerQuery(), log2(n), 0);
            }
        }
        Config first = configs.get(0);
        int churnPeers = p.integer("churn-peers");
        int churnLookups = (int) (p.integer("churn-minutes") * 60L / p.integer("gap-s"));
        for (double shape : shapes) {
            for (boolean refresh : List.of(true, false)) {
                progress.update("churn, Weibull shape " + shape + ", refresh " + (refresh ? "on" : "off"), done++, runs);
                Churning churn = new Churning(shape, p.number("median-session-s"), Duration.ofSeconds(p.integer("gap-s")));
                Outcome o = kademlia(overlays.get("kademlia"), churnPeers, first, refresh, churnLookups, seed, churn);
                table.add("churn", first.label(), churnPeers, shape, refresh ? "on" : "off", o.lookups, o.success(), o.hops(),
                        o.messages(), log2(churnPeers), o.changes);
            }
        }
        return new ExperimentReport(name(), "Lookup cost: Kademlia vs flooding and a central index", seed, p.asMap(), table,
                plots(table, configs, baselines, shapes, lookups, churnLookups), List.of(
                        "A Kademlia lookup takes far fewer rounds than log2 N, and its messages grow with log N: "
                                + "a network thirty times larger costs a handful more messages.",
                        "A flood that reaches everyone costs messages in proportion to N (each edge carries the query), "
                                + "so its curve rises with slope 1 on the log-log plot; Napster asks one server in one hop, "
                                + "and what grows is only the list of hits it sends back.",
                        "A larger alpha sends more queries per round for a little fewer rounds; a smaller k shortens the stop rule "
                                + "and so the lookup.",
                        "Under Weibull churn, dead contacts cost timeouts and extra queries, and a few lookups end before reaching "
                                + "the closest live node; compare refresh on and off within their error bars: a bucket "
                                + "is refreshed only after 15 idle minutes, and lookups themselves keep busy buckets fresh."));
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }

    /** Churn settings for one run: Weibull shape and median, and the gap between lookups. */
    record Churning(double shape, double medianSeconds, Duration gap) {
    }

    /** Sums over the lookups of one configuration. */
    private static final class Outcome {
        int lookups;
        int found;
        long rounds;
        long messages;
        int changes;

        double success() {
            return lookups == 0 ? Double.NaN : (double) found / lookups;
        }

        double hops() {
            return lookups == 0 ? Double.NaN : (double) rounds / lookups;
        }

        double messages() {
            return lookups == 0 ? Double.NaN : (double) messages / lookups;
        }
    }

    /**
     * Builds a Kademlia network of {@code n} peers and runs {@code lookups} find_node lookups of
     * random ids from random live peers; with {@code churning}, peers come and go meanwhile and a
     * lookup starts every gap.
     */
    static Outcome kademlia(Overlay overlay, int n, Config c, boolean refresh, int lookups, long seed, Churning churning)
            throws TimeoutException {
        Map<String, String> options = Map.of("k", Integer.toString(c.k()), "alpha", Integer.toString(c.alpha()),
                "refresh", refresh ? "on" : "off");
        String run = "lookup-cost " + c.label() + " with " + n + " peers";
        Outcome out = new Outcome();
        try (SimTransport sim = Transports.simulator(seed);
             Network net = overlay.create(new NetworkSpec("lookup-cost", n, null, seed, PeerSpec.UNLIMITED, options), sim)) {
            DhtView view = (DhtView) net;
            sim.advance(SETTLE);
            Churn churn = null;
            if (churning != null) {
                WeibullSessions sessions = new WeibullSessions(churning.shape(), churning.medianSeconds());
                churn = new Churn(net, sessions::sample, seed ^ Double.doubleToLongBits(churning.shape()));
                churn.start(net.peers());
            }
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < lookups; i++) {
                if (churning != null) {
                    sim.advance(churning.gap());
                }
                List<PeerId> up = new ArrayList<>();
                for (PeerInfo info : net.topology().peers()) {
                    if (info.alive()) {
                        up.add(info.id());
                    }
                }
                if (up.isEmpty()) {
                    continue;
                }
                NodeId target = NodeId.random(random);
                PeerId from = up.get(random.nextInt(up.size()));
                LookupResult r;
                try {
                    r = ProtocolErrors.await(sim, view.lookup(from, target, false, null), LOOKUP_TIMEOUT, run);
                } catch (TimeoutException e) {
                    // under churn the asker itself may leave mid-lookup: a failed lookup, not a bug
                    out.lookups++;
                    if (churning == null) {
                        throw e;
                    }
                    continue;
                }
                out.lookups++;
                out.rounds += r.rounds();
                out.messages += r.messages();
                if (!r.closest().isEmpty() && r.closest().get(0).id().equals(closestLive(view, up, from, target))) {
                    out.found++;
                }
            }
            if (churn != null) {
                churn.stop();
                out.changes = churn.changes();
            }
            ProtocolErrors.requireNone(sim, run);
        }
        return out;
    }

    /** The live node closest to {@code target}, the asker excepted (a lookup does not return its own node). */
    private static NodeId closestLive(DhtView view, List<PeerId> up, PeerId asker, NodeId target) {
        NodeId best = null;
        for (PeerId p : up) {
            if (p.equals(asker)) {
                continue;
            }
            NodeId id = view.dht(p).id();
            if (best == null || target.closer(id, best) < 0) {
                best = id;
            }
        }
        return best;
    }

    private static List<Plot> plots(ResultTable t, List<Config> configs, List<String> baselines, List<Double> shapes,
                                    int lookups, int churnLookups) {
        List<Plot> plots = new ArrayList<>();
        Map<String, List<double[]>> bySize = new LinkedHashMap<>();
        Map<String, List<double[]>> byShape = new LinkedHashMap<>();
        List<Double> ns = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            double peers = ((Number) row.get(2)).doubleValue();
            double success = ((Number) row.get(6)).doubleValue();
            double hops = ((Number) row.get(7)).doubleValue();
            double messages = ((Number) row.get(8)).doubleValue();
            if (row.get(0).equals("size")) {
                bySize.computeIfAbsent((String) row.get(1), k -> new ArrayList<>()).add(new double[] {peers, hops, messages});
                if (!ns.contains(peers)) {
                    ns.add(peers);
                }
            } else {
                byShape.computeIfAbsent("refresh " + row.get(4), k -> new ArrayList<>())
                        .add(new double[] {((Number) row.get(3)).doubleValue(), success, hops});
            }
        }
        double[] nAxis = ns.stream().mapToDouble(Double::doubleValue).toArray();
        double[] log2 = ns.stream().mapToDouble(n -> Math.log(n) / Math.log(2)).toArray();

        List<Plot.Curve> messages = new ArrayList<>();
        bySize.forEach((v, pts) -> messages.add(new Plot.Curve(v, column(pts, 0), column(pts, 2), false)));
        messages.add(new Plot.Curve("log2 N", nAxis, log2, true));
        plots.add(new Plot("lookup-cost-messages", "Messages per lookup vs network size", "peers N (log)",
                "messages per lookup (log)", messages, true, true).withCaption(
                "Means over " + lookups + " lookups per point. The flood reaches every peer (TTL above the diameter), so its "
                        + "cost grows like N; Kademlia's grows like log N, drawn as log2 N for the slope; Napster's counts "
                        + "the query to the server and the hits it returns."));

        List<Plot.Curve> hops = new ArrayList<>();
        bySize.forEach((v, pts) -> {
            if (!v.equals("gnutella-flooding")) { // a flood's hops to the first hit measure distance, not lookup rounds
                hops.add(new Plot.Curve(v, column(pts, 0), column(pts, 1), false));
            }
        });
        hops.add(new Plot.Curve("log2 N", nAxis, log2, true));
        plots.add(new Plot("lookup-cost-hops", "Lookup rounds (hops) vs network size", "peers N (log)", "rounds per lookup",
                hops, true, false).withCaption("Kademlia's rounds stay below log2 N: every round at least halves the XOR "
                + "distance, and alpha parallel queries and k contacts per answer skip several bits at once. Napster needs one hop."));

        if (!byShape.isEmpty()) {
            List<Plot.Curve> success = new ArrayList<>();
            byShape.forEach((v, pts) -> {
                double[] pct = new double[pts.size()];
                double[] err = new double[pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    pct[i] = 100 * pts.get(i)[1];
                    err[i] = 100 * Plot.rateError(pts.get(i)[1] * churnLookups, churnLookups);
                }
                success.add(new Plot.Curve(v, column(pts, 0), pct, false).withErrors(err));
            });
            plots.add(Plot.linear("lookup-cost-churn-success", "Kademlia lookup success under Weibull churn", "Weibull shape",
                    "lookups that found the closest live node (%)", success).withCaption("About " + churnLookups
                    + " lookups per point; bars are 95 % confidence intervals (Agresti-Coull)."));
            List<Plot.Curve> churnHops = new ArrayList<>();
            byShape.forEach((v, pts) -> churnHops.add(new Plot.Curve(v, column(pts, 0), column(pts, 2), false)));
            plots.add(Plot.linear("lookup-cost-churn-hops", "Kademlia lookup rounds under Weibull churn", "Weibull shape",
                    "rounds per lookup", churnHops));
        }
        return plots;
    }

    private static double[] column(List<double[]> pts, int i) {
        return pts.stream().mapToDouble(a -> a[i]).toArray();
    }
}
