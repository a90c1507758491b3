package p2plab.kademlia;

import java.util.Map;
import java.util.Set;
import p2plab.kademlia.dht.DhtConfig;

/**
 * What {@code network create kademlia} accepts besides {@code --peers}: {@code k} (bucket size
 * and lookup width, default 8), {@code alpha} (queries in flight, default 3) and
 * {@code refresh} (bucket refresh on or off, default on) and {@code query-timeout} (milliseconds a
 * query waits for its answer, default 2,000).
 */
public final class KademliaOptions {
    static final Set<String> KNOWN = Set.of("k", "alpha", "refresh", "query-timeout");

    private KademliaOptions() {
    }

    public static DhtConfig parse(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("kademlia has no option '" + key + "'; it knows k, alpha, refresh and query-timeout");
            }
        }
        DhtConfig c = DhtConfig.defaults();
        if (options.containsKey("k")) {
            c = c.withK(number(options.get("k"), "k", 1, 50));
        }
        if (options.containsKey("alpha")) {
            c = c.withAlpha(number(options.get("alpha"), "alpha", 1, 50));
        }
        if (options.containsKey("refresh")) {
            String r = options.get("refresh");
            if (!r.equals("on") && !r.equals("off")) {
                throw new IllegalArgumentException("refresh must be on or off, got '" + r + "'");
            }
            c = c.withRefresh(r.equals("on"));
        }
        if (options.containsKey("query-timeout")) {
            c = c.withQueryTimeout(java.time.Duration.ofMillis(number(options.get("query-timeout"), "query-timeout", 1, 600_000)));
        }
        return c;
    }

    private static int number(String text, String name, int min, int max) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
    }
}
