package p2plab.labs.commands.experiment;

import java.util.ArrayList;
import java.util.List;
import p2plab.common.content.Catalogue;
import p2plab.common.overlay.Overlay;
import p2plab.labs.commands.base.Candidates;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.compare.Comparison;
import p2plab.labs.compare.ComparisonRow;
import p2plab.labs.compare.Workload;
import p2plab.labs.console.PhaseProgress;
import p2plab.labs.console.Table;
import p2plab.labs.experiment.TerminalTable;
import p2plab.labs.session.HeapBudget;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code compare}: one seeded workload on several overlays, side by side. */
@Command(name = "compare", description = "Run the same seeded catalogue and queries on several overlays (simulated) and compare them side by side.")
public final class CompareCommand extends LabCommand {

    @Option(names = "--peers", paramLabel = "N", defaultValue = "50", description = "Peers in each network (default ${DEFAULT-VALUE}).")
    int peers;

    @Option(names = "--queries", paramLabel = "Q", defaultValue = "100", description = "Searches to run (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--ttl", paramLabel = "T", defaultValue = "0", description = "TTL of every search (default: each overlay's own).")
    int ttl;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of everything (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--files", paramLabel = "F", description = "Catalogue size (default 4 x peers).")
    Integer files;

    @Option(names = "--zipf", paramLabel = "S", defaultValue = "0.8", description = "Popularity skew (default ${DEFAULT-VALUE}).")
    double zipf;

    @Option(names = "--overlays", paramLabel = "A,B,..", split = ",", completionCandidates = Candidates.OverlayNames.class,
            description = "Which overlays (default napster,gnutella,kazaa,kademlia).")
    List<String> overlays = new ArrayList<>(List.of("napster", "gnutella", "kazaa", "kademlia"));

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    CompareCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        Workload w = new Workload(peers, files == null ? Math.max(1, 4 * peers) : files, queries, ttl, seed, zipf);
        List<Overlay> chosen = new ArrayList<>();
        for (String name : overlays) {
            if (!lab.overlays().has(name)) {
                throw new LabException("overlay '" + name + "' is not installed; compare " + String.join(",", lab.overlays().names())
                        + " with --overlays");
            }
            if (chosen.contains(lab.overlays().get(name))) {
                throw new LabException("--overlays names " + name + " twice; give each overlay once");
            }
            chosen.add(lab.overlays().get(name));
        }
        if (chosen.isEmpty()) {
            throw new LabException("--overlays names no overlay; give some, e.g. --overlays napster,gnutella");
        }
        HeapBudget.require("compare --peers " + w.peers() + " (" + w.files() + " files)", Comparison.heapNeeded(chosen, w));
        Catalogue catalogue = Comparison.catalogue(w);
        int threads = Comparison.threads(chosen, w);
        List<ComparisonRow> rows = threads > 1 ? runTogether(chosen, w, catalogue, threads) : runOneByOne(chosen, w, catalogue);
        if (json) {
            java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
            doc.put("workload", w);
            doc.put("results", rows);
            printJson(doc);
            return;
        }
        println(w.queries() + " queries over " + w.files() + " files on " + w.peers() + " peers, seed " + w.seed()
                + (w.ttl() > 0 ? ", ttl " + w.ttl() : ""));
        List<String> header = new ArrayList<>(List.of(""));
        rows.forEach(r -> header.add(r.overlay()));
        Table t = new Table(header.toArray(String[]::new));
        t.row(cells("messages per query", rows, r -> TerminalTable.threeDigits(r.messagesPerQuery())));
        t.row(cells("success rate", rows, r -> TerminalTable.threeDigits(100 * r.successRate()) + " %"));
        t.row(cells("hops to first hit", rows, r -> r.meanHops() < 0 ? "-" : TerminalTable.threeDigits(r.meanHops())));
        t.row(cells("latency to first hit", rows, r -> fmt(r.meanLatencyMillis()) + " ms"));
        t.row(cells("busiest peer messages", rows, r -> Long.toString(r.busiestPeerMessages())));
        t.row(cells("busiest peer", rows, ComparisonRow::busiestPeer));
        t.row(cells("total messages", rows, r -> Long.toString(r.totalMessages())));
        t.row(cells("timeouts", rows, r -> Integer.toString(r.timeouts())));
        t.print(console());
    }

    /** One overlay after the other, each with its progress bar. */
    private List<ComparisonRow> runOneByOne(List<Overlay> chosen, Workload w, Catalogue catalogue) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (Overlay o : chosen) {
            if (!json) {
                console().out().print("running " + o.name() + "... ");
                console().out().flush();
            }
            PhaseProgress progress = new PhaseProgress(console(), "compare");
            try {
                rows.add(Comparison.run(o, w, catalogue, progress));
            } finally {
                if (progress.finish() && !json) {
                    console().out().print("running " + o.name() + "... "); // the bar wiped it
                }
            }
            if (!json) {
                println("done");
            }
        }
        return rows;
    }

    /** Each overlay on its own core: no bar (their progress would interleave), one line when all are done. */
    private List<ComparisonRow> runTogether(List<Overlay> chosen, Workload w, Catalogue catalogue, int threads) {
        if (!json) {
            console().out().print("running " + String.join(", ", chosen.stream().map(Overlay::name).toList())
                    + " (" + threads + " at a time)... ");
            console().out().flush();
        }
        List<ComparisonRow> rows = Comparison.runAll(chosen, w, catalogue, threads);
        if (!json) {
            println("done");
        }
        return rows;
    }

    private static Object[] cells(String label, List<ComparisonRow> rows, java.util.function.Function<ComparisonRow, String> f) {
        Object[] c = new Object[rows.size() + 1];
        c[0] = label;
        for (int i = 0; i < rows.size(); i++) {
            c[i + 1] = f.apply(rows.get(i));
        }
        return c;
    }
}
