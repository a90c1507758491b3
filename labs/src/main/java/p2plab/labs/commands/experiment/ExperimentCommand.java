package p2plab.labs.commands.experiment;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
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
                println("    parameters: " + e.defaults());
            }
            return;
        }
        try {
            Experiments.named(name);
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
        Path dir = out == null ? Path.of("experiments", name) : out;
        ExperimentRunner.run(name, params, seed, dir, json, new java.io.PrintStream(new ConsoleStream(), true));
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
