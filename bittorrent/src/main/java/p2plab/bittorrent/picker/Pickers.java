package p2plab.bittorrent.picker;

import java.util.function.Supplier;

/** The pickers by the names the shell uses ({@code --picker rarest|random|sequential}). */
public final class Pickers {

    private Pickers() {
    }

    public static Supplier<PiecePicker> byName(String name) {
        return switch (name) {
            case "rarest", "rarest-first" -> RarestFirstPicker::new;
            case "random" -> RandomPicker::new;
            case "sequential" -> SequentialPicker::new;
            default -> throw new IllegalArgumentException("unknown picker '" + name + "'; use rarest, random or sequential");
        };
    }
}
