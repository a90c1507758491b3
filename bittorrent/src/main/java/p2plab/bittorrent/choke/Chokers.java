package p2plab.bittorrent.choke;

import java.util.function.Supplier;

/** The chokers by the names the shell uses ({@code --choker tit-for-tat|free-rider}). */
public final class Chokers {

    private Chokers() {
    }

    public static Supplier<Choker> byName(String name) {
        return switch (name) {
            case "tit-for-tat", "tft" -> TitForTatChoker::new;
            case "free-rider", "none" -> FreeRiderChoker::new;
            default -> throw new IllegalArgumentException("unknown choker '" + name + "'; use tit-for-tat or free-rider");
        };
    }
}
