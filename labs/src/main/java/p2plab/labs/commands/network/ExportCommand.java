package p2plab.labs.commands.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import p2plab.common.metrics.MetricsSnapshot;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.report.MetricsCsv;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import p2plab.labs.session.LabNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export --json FILE | --csv FILE}: the current network's counters, for a spreadsheet or a grader. */
@Command(name = "export", description = "Write the current network's counters to a JSON or CSV file.")
public final class ExportCommand extends LabCommand {

    @Option(names = "--json", paramLabel = "FILE", description = "Write the metrics snapshot as JSON.")
    Path jsonFile;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write one CSV row per overlay, type and peer.")
    Path csvFile;

    @Option(names = "--force", description = "Overwrite a file that exists already.")
    boolean force;

    ExportCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() {
        if (jsonFile == null && csvFile == null) {
            throw new LabException("say where: `export --json FILE` or `export --csv FILE`");
        }
        LabNetwork n = lab.current();
        for (Path f : new Path[] {jsonFile, csvFile}) {
            if (f != null && Files.isDirectory(f)) {
                throw new LabException(f + " is a folder; give a file name, e.g. " + f.resolve("metrics.json"));
            }
            if (f != null && Files.exists(f) && !force) {
                throw new LabException(f + " exists already; add --force to overwrite it, or choose another name");
            }
        }
        MetricsSnapshot s = n.network().metrics();
        if (jsonFile != null) {
            write(jsonFile, s.toJson() + "\n");
        }
        if (csvFile != null) {
            write(csvFile, MetricsCsv.of(s));
        }
    }

    private void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new LabException("cannot write " + file + " (" + why(e) + "); check the folder exists and is writable");
        }
        println("wrote " + file);
    }
}
