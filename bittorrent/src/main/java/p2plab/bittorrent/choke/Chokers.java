package p2plab.bittorrent.choke;

import java.util.function.Supplier;

/** The chokers by the names the shell uses ({@code --choker tit-for-tat|free-rider}). */
public final class Chokers {

    private Chokers() {
    }

    public static Supplier<Choker> byName(String name) {
        return byName(name, 4, 4, TitForTatChoker.DEFAULT_OPTIMISTIC_NANOS);
    }

    /** As {@link #byName(String)}, tit-for-tat with these regular slots (leeching, seeding) and optimistic period. */
    public static Supplier<Choker> byName(String name, int slots, int seedSlots, long optimisticNanos) {
        return switch (name) {
            case "tit-for-tat", "tft" -> () -> new TitForTatChoker(slots, seedSlots, optimisticNanos);
            case "free-rider", "none" -> FreeRiderChoker::new;
            default -> throw new IllegalArgumentException("unknown choker '" + name + "'; use tit-for-tat or free-rider");
        };
    }
}
