package p2plab.gnutella.routing;

import java.util.List;
import java.util.function.Supplier;

/** The built-in rules by the name a user types ({@code --forwarding random-walk}). */
public final class ForwardingRules {
    public static final List<String> NAMES = List.of("flooding", "expanding-ring", "random-walk");
    private static final Flooding FLOODING = new Flooding();

    private ForwardingRules() {
    }

    /**
     * A factory of rules for {@code name}, one per servent; {@code walkers} is for random-walk.
     * Flooding keeps no state, so every servent gets the same one.
     */
    public static Supplier<ForwardingRule> named(String name, int walkers) {
        return switch (name) {
            case "flooding" -> () -> FLOODING;
            case "expanding-ring" -> ExpandingRing::new;
            case "random-walk" -> () -> new RandomWalk(walkers);
            default -> throw new IllegalArgumentException("unknown forwarding rule '" + name + "'; choose one of "
                    + String.join(", ", NAMES));
        };
    }
}
