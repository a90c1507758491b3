package p2plab.labs.experiment.registry;

import java.util.List;
import java.util.stream.Collectors;
import p2plab.labs.experiment.Experiment;
import p2plab.labs.experiment.churn.ChurnExperiment;
import p2plab.labs.experiment.distribution.DistributionExperiment;
import p2plab.labs.experiment.incentives.IncentivesExperiment;
import p2plab.labs.experiment.search.LookupCostExperiment;
import p2plab.labs.experiment.search.SearchCostExperiment;
import p2plab.labs.experiment.streaming.StreamingExperiment;

/**
 * Every experiment P2P Lab ships, by name. It lives apart from the framework package so that
 * the experiments depend on the framework and this list depends on them, without a cycle.
 */
public final class Experiments {
    private static final List<Experiment> ALL = List.of(new DistributionExperiment(), new SearchCostExperiment(),
            new ChurnExperiment(), new IncentivesExperiment(), new StreamingExperiment(), new LookupCostExperiment());

    private Experiments() {
    }

    public static List<Experiment> all() {
        return ALL;
    }

    public static Experiment named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no experiment '" + name + "'; choose one of " + ALL.stream().map(Experiment::name).collect(Collectors.joining(", "))));
    }
}
