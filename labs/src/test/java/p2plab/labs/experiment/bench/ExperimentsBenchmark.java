package p2plab.labs.experiment.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.labs.experiment.Experiment;
import p2plab.labs.experiment.registry.ExperimentRunner;
import p2plab.labs.experiment.registry.Experiments;

/**
 * Runs experiments as the {@code experiment} command does and prints the wall time of each.
 * Arguments: output folder, then experiment names (default: all) each optionally followed by
 * {@code name=value} parameters, e.g. {@code /tmp/out distribution n=1,10,100 swarm-n=10}.
 */
public final class ExperimentsBenchmark {

    private ExperimentsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "experiments-out");
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        String current = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].contains("=") && current != null) {
                String[] kv = args[i].split("=", 2);
                runs.get(current).put(kv[0], kv[1]);
            } else {
                current = args[i];
                runs.put(current, new LinkedHashMap<>());
            }
        }
        if (runs.isEmpty()) {
            for (Experiment e : Experiments.all()) {
                runs.put(e.name(), new LinkedHashMap<>());
            }
        }
        StringBuilder summary = new StringBuilder();
        for (Map.Entry<String, Map<String, String>> r : runs.entrySet()) {
            long start = System.nanoTime();
            ExperimentRunner.run(r.getKey(), r.getValue(), 1, out.resolve(r.getKey()), false, System.out);
            double seconds = (System.nanoTime() - start) / 1e9;
            summary.append(String.format("%-14s %s %6.1f s%n", r.getKey(), r.getValue(), seconds));
        }
        System.out.print(List.of("== wall time per experiment (including plots) ==").get(0) + "\n" + summary);
    }
}
