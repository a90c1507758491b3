package p2plab.gnutella;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import p2plab.common.overlay.OverlayException;
import p2plab.gnutella.routing.ForwardingRules;
import p2plab.gnutella.servent.ServentConfig;

/**
 * The Gnutella options of a {@code NetworkSpec}, checked: {@code ttl} (default 7, at most 10),
 * {@code forwarding} (flooding | expanding-ring | random-walk), {@code walkers} (default 4) and
 * {@code timeout} (seconds a search listens for hits, default 3). Any other key is an error.
 */
public record GnutellaOptions(int ttl, String forwarding, int walkers, Duration searchWindow) {
    public static final List<String> KEYS = List.of("ttl", "forwarding", "walkers", "timeout");
    public static final int DEFAULT_TTL = 7;
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(3);

    public static GnutellaOptions parse(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new OverlayException("unknown gnutella option '" + key + "'; use " + String.join(", ", KEYS));
            }
        }
        int ttl = number(options, "ttl", DEFAULT_TTL);
        if (ttl < 1 || ttl > ServentConfig.MAX_TTL) {
            throw new OverlayException("ttl must be 1..10 (Gnutella 0.6 forbids more than 10), got " + ttl);
        }
        String forwarding = options.getOrDefault("forwarding", "flooding");
        if (!ForwardingRules.NAMES.contains(forwarding)) {
            throw new OverlayException("unknown forwarding '" + forwarding + "'; use " + String.join(", ", ForwardingRules.NAMES));
        }
        int walkers = number(options, "walkers", 4);
        if (walkers < 1) {
            throw new OverlayException("walkers must be >= 1, got " + walkers);
        }
        Duration window = DEFAULT_WINDOW;
        if (options.containsKey("timeout")) {
            try {
                double seconds = Double.parseDouble(options.get("timeout"));
                if (!(seconds > 0) || seconds > 3600) {
                    throw new NumberFormatException();
                }
                window = Duration.ofNanos((long) (seconds * 1e9));
            } catch (NumberFormatException e) {
                throw new OverlayException("timeout is the seconds a search waits for hits (0..3600), got '"
                        + options.get("timeout") + "'");
            }
        }
        return new GnutellaOptions(ttl, forwarding, walkers, window);
    }

    private static int number(Map<String, String> options, String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new OverlayException(key + " must be a whole number, got '" + v + "'");
        }
    }
}
