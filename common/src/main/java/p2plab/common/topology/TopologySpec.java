package p2plab.common.topology;

import java.util.List;

/**
 * How to wire a network, as the user types it: {@code --topology random-regular --degree 4}.
 *
 * @param kind   one of {@link #KINDS}
 * @param degree the degree (random-regular, regular-tree; tree branching), edges per new node (barabasi-albert),
 *               mean degree (erdos-renyi); ignored by ring, line and grid
 */
public record TopologySpec(String kind, int degree) {

    public static final List<String> KINDS =
            List.of("ring", "line", "grid", "tree", "regular-tree", "random-regular", "erdos-renyi", "barabasi-albert");

    public TopologySpec {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown topology '" + kind + "'; choose one of " + String.join(", ", KINDS));
        }
        if (degree < 0) {
            throw new IllegalArgumentException("--degree must be >= 0, got " + degree);
        }
    }

    public static TopologySpec of(String kind, int degree) {
        return new TopologySpec(kind, degree);
    }
}
