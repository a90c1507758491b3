package p2plab.labs.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.metrics.Json;

/**
 * Writes a report into a folder: {@code <name>.csv}, {@code <name>.json}, each plot as PNG and
 * SVG, and {@code <name>.md} (parameters, seed, figures, plots, what to conclude).
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** @return the files written */
    public static List<Path> write(ExperimentReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        String name = report.experiment();
        written.add(writeString(dir.resolve(name + ".csv"), report.table().toCsv()));
        written.add(writeString(dir.resolve(name + ".json"), toJson(report)));
        for (Plot p : report.plots()) {
            PlotRenderer.save(p, dir);
            written.add(dir.resolve(p.file() + ".png"));
            written.add(dir.resolve(p.file() + ".svg"));
        }
        written.add(writeString(dir.resolve(name + ".md"), markdown(report)));
        return written;
    }

    /** The report as one JSON document: parameters, seed, columns, rows (numbers as numbers, null where none), findings. */
    public static String toJson(ExperimentReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("experiment", report.experiment());
        doc.put("title", report.title());
        doc.put("seed", report.seed());
        doc.put("parameters", report.parameters());
        doc.put("columns", report.table().columns());
        doc.put("rows", report.table().jsonRows());
        doc.put("findings", report.findings());
        return Json.write(doc);
    }

    static String markdown(ExperimentReport r) {
        StringBuilder b = new StringBuilder("# ").append(r.title()).append("\n\n");
        b.append("Experiment `").append(r.experiment()).append("`, seed ").append(r.seed()).append(".\n\n## Parameters\n\n");
        b.append("| parameter | value |\n| --- | --- |\n");
        r.parameters().forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append("\n## Figures\n\n| ").append(String.join(" | ", r.table().columns())).append(" |\n|");
        b.append(" --- |".repeat(r.table().columns().size())).append('\n');
        for (List<Object> row : r.table().rows()) {
            b.append('|');
            for (Object o : row) {
                b.append(' ').append(ResultTable.format(o)).append(" |");
            }
            b.append('\n');
        }
        for (Plot p : r.plots()) {
            b.append("\n![").append(p.title()).append("](").append(p.file()).append(".png)\n");
            if (!p.caption().isEmpty()) {
                b.append("\n*").append(p.caption()).append("*\n");
            }
        }
        if (!r.findings().isEmpty()) {
            b.append("\n## What to conclude\n\n");
            for (String f : r.findings()) {
                b.append("- ").append(f).append('\n');
            }
        }
        return b.toString();
    }

    private static Path writeString(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
