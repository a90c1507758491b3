package p2plab.labs.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of an experiment produced: what it was asked (parameters, seed), what it
 * measured (the table), how to see it (plots) and what to conclude.
 */
public record ExperimentReport(String experiment, String title, long seed, Map<String, String> parameters,
                               ResultTable table, List<Plot> plots, List<String> findings) {

    public ExperimentReport {
        parameters = new LinkedHashMap<>(parameters);
        plots = List.copyOf(plots);
        findings = List.copyOf(findings);
    }
}
