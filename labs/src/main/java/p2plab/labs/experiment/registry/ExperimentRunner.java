package p2plab.labs.experiment.registry;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import p2plab.common.overlay.Progress;
import p2plab.labs.experiment.Experiment;
import p2plab.labs.experiment.ExperimentReport;
import p2plab.labs.experiment.Parameters;
import p2plab.labs.experiment.ReportWriter;
import p2plab.labs.experiment.TerminalTable;
import p2plab.labs.session.HeapBudget;

/**
 * Runs an experiment for the {@code experiment} command: the table on screen (or one JSON
 * document), and CSV, JSON, plots and a markdown report in the output folder.
 */
public final class ExperimentRunner {

    private ExperimentRunner() {
    }

    public static ExperimentReport run(String name, Map<String, String> given, long seed, Path outDir, boolean json,
                                       PrintStream out) throws Exception {
        return run(name, given, seed, outDir, json, out, Progress.NONE);
    }

    /** Runs it, telling {@code progress} how far it got (the shell draws a bar and cancels through it). */
    public static ExperimentReport run(String name, Map<String, String> given, long seed, Path outDir, boolean json,
                                       PrintStream out, Progress progress) throws Exception {
        Experiment e = Experiments.named(name);
        Parameters p = new Parameters(e.defaults(), given);
        HeapBudget.require("experiment " + name, e.heapNeeded(p));
        long start = System.nanoTime();
        ExperimentReport report = e.run(p, seed, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Path> files = ReportWriter.write(report, outDir);
        if (json) {
            out.println(ReportWriter.toJson(report));
            return report;
        }
        out.println(report.title() + " (seed " + seed + ")");
        out.print(TerminalTable.render(report.table(), e.units()));
        for (String f : report.findings()) {
            out.println("* " + f);
        }
        out.printf("ran in %.1f s; wrote %d files to %s (%s.md is the report)%n", seconds, files.size(), outDir, name);
        return report;
    }
}
