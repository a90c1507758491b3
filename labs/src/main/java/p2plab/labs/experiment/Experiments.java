package p2plab.labs.experiment;

import java.util.List;
import java.util.stream.Collectors;

/** Every experiment P2P Lab ships, by name. */
public final class Experiments {
    private static final List<Experiment> ALL = List.of(new p2plab.labs.experiment.distribution.DistributionExperiment(),
            new p2plab.labs.experiment.search.SearchCostExperiment(), new p2plab.labs.experiment.churn.ChurnExperiment(),
            new p2plab.labs.experiment.incentives.IncentivesExperiment());

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
