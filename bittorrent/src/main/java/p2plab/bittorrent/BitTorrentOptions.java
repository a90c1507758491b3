package p2plab.bittorrent;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import p2plab.common.overlay.OverlayException;

/**
 * The {@code --option key=value} settings of a BitTorrent network.
 *
 * @param pieceLength    bytes per piece of torrents made by {@code share} ({@code piece-length})
 * @param picker         {@code rarest}, {@code random} or {@code sequential}; ignored when the overlay was given a picker factory
 * @param choker         {@code tit-for-tat} or {@code free-rider}; ignored likewise
 * @param freeRiders     how many of the initial peers never upload ({@code free-riders}), the last ones by id
 * @param interval       the tracker's announce interval ({@code interval}, seconds)
 * @param pipeline       outstanding block requests per peer ({@code pipeline})
 */
public record BitTorrentOptions(int pieceLength, String picker, String choker, int freeRiders, Duration interval, int pipeline) {
    private static final Set<String> KEYS = Set.of("piece-length", "picker", "choker", "free-riders", "interval", "pipeline");

    public static BitTorrentOptions parse(Map<String, String> o) {
        for (String k : o.keySet()) {
            if (!KEYS.contains(k)) {
                throw new OverlayException("unknown bittorrent option '" + k + "'; known: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        return new BitTorrentOptions(number(o, "piece-length", 256 * 1024), o.getOrDefault("picker", "rarest"),
                o.getOrDefault("choker", "tit-for-tat"), number(o, "free-riders", 0),
                Duration.ofSeconds(number(o, "interval", 60)), number(o, "pipeline", 5));
    }

    private static int number(Map<String, String> o, String key, int fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new OverlayException("option " + key + " must be a whole number >= 0, got '" + v + "'");
        }
    }
}
