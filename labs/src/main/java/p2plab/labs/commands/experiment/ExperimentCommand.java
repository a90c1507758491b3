package p2plab.labs.commands.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.labs.console.Wrap;
import p2plab.labs.console.PhaseProgress;
import p2plab.labs.commands.base.LabCommand;
import p2plab.labs.experiment.Experiment;
import p2plab.labs.experiment.registry.ExperimentRunner;
import p2plab.labs.experiment.registry.Experiments;
import p2plab.labs.session.Lab;
import p2plab.labs.session.LabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code experiment}: theory beside measurement, as a table, CSV, JSON, plots and a report. */
@Command(name = "experiment", description = "Run an experiment on the simulator: table on screen; CSV, JSON, PNG/SVG plots and a markdown report in --out.")
public final class ExperimentCommand extends LabCommand {

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = ExperimentNames.class,
            description = "Which experiment: ${COMPLETION-CANDIDATES}, or `list`.")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the files (default experiments/<name>).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of everything (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A parameter, e.g. -p peers=500 -p ttl=1..7 (see `experiment list`).")
    Map<String, String> params = new LinkedHashMap<>();

    ExperimentCommand(Lab lab) {
        super(lab);
    }

    @Override
    protected void run() throws Exception {
        if (name.equals("list")) {
            for (Experiment e : Experiments.all()) {
                println(e.name() + ": " + e.description());
                List<String> params = e.defaults().entrySet().stream().map(p -> p.getKey() + "=" + p.getValue()).toList();
                for (String line : Wrap.lines(params, console().width(), "    ")) {
                    println(line);
                }
            }
            println("change one with -p NAME=VALUE, e.g. `experiment search-cost -p peers=500 -p ttl=1..7`");
            return;
        }
        try {
            Experiments.named(name);
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
        Path dir = out == null ? Path.of("experiments", name) : out;
        checkWritableFolder(dir);
        PhaseProgress progress = new PhaseProgress(console(), "experiment " + name);
        try {
            ExperimentRunner.run(name, params, seed, dir, json, new java.io.PrintStream(new ConsoleStream(), true), progress);
        } finally {
            progress.finish();
        }
    }

    /**
     * Fails at once, before minutes of simulation, when the results could not be written: --out
     * names a file, or a folder (or the nearest one that exists above it) that is not writable.
     */
    static void checkWritableFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new LabException("--out " + dir + " is a file, not a folder; give a folder for the results (it is created if missing)");
        }
        Path existing = dir.toAbsolutePath().normalize();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw new LabException("--out " + dir + " cannot be created: " + existing + " is a file; give another folder");
        }
        if (!Files.isWritable(existing)) {
            throw new LabException("--out " + dir + ": the folder " + existing + " is not writable; give another folder");
        }
    }

    /** Experiment names for completion and help. */
    static final class ExperimentNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Experiments.all().stream().map(Experiment::name).iterator();
        }
    }

    /** Lets the runner print through the session's console, line by line. */
    private final class ConsoleStream extends java.io.OutputStream {
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (b == '\n') {
                println(line.toString(java.nio.charset.StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
