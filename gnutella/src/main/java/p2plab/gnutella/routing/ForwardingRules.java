package p2plab.gnutella.routing;

import java.util.List;
import java.util.function.Supplier;

/** The built-in rules by the name a user types ({@code --forwarding random-walk}). */
public final class ForwardingRules {
    public static final List<String> NAMES = List.of("flooding", "expanding-ring", "random-walk");

    private ForwardingRules() {
    }

    /** A factory of fresh rules (one per servent) for {@code name}; {@code walkers} is for random-walk. */
    public static Supplier<ForwardingRule> named(String name, int walkers) {
        return switch (name) {
            case "flooding" -> Flooding::new;
            case "expanding-ring" -> ExpandingRing::new;
            case "random-walk" -> () -> new RandomWalk(walkers);
            default -> throw new IllegalArgumentException("unknown forwarding rule '" + name + "'; choose one of "
                    + String.join(", ", NAMES));
        };
    }
}
