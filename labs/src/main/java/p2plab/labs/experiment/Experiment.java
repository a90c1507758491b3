package p2plab.labs.experiment;

import java.util.Map;
import p2plab.common.overlay.Progress;

/**
 * One experiment that holds measurement against theory. It reads its parameters from a map
 * (defaults for anything missing), runs on the simulator from the seed, and returns a report.
 */
public interface Experiment {

    /** The name typed after {@code p2plab experiment}, e.g. {@code distribution}. */
    String name();

    /** One line for the command's help. */
    String description();

    /** Parameters it understands, with their defaults, in display order. */
    Map<String, String> defaults();

    /**
     * Units of columns whose name does not tell (column to unit, e.g. "F/u"), for the terminal
     * table's header; rates, seconds and percentages are recognised by name.
     */
    default Map<String, String> units() {
        return Map.of();
    }

    /**
     * Heap the experiment needs at its worst with {@code parameters} (its largest network and
     * catalogue, from {@link p2plab.labs.session.HeapBudget}), checked before it starts; 0 when
     * it only ever builds small networks.
     */
    default long heapNeeded(Parameters parameters) {
        return 0;
    }

    /** Runs with {@code parameters} (a subset of {@link #defaults()}) from {@code seed}. */
    default ExperimentReport run(Parameters parameters, long seed) throws Exception {
        return run(parameters, seed, Progress.NONE);
    }

    /**
     * Runs it, telling {@code progress} after each configuration (an overlay, a peer count, a
     * TTL); {@code progress} may stop the run by throwing (Ctrl-C in the shell).
     */
    ExperimentReport run(Parameters parameters, long seed, Progress progress) throws Exception;
}
