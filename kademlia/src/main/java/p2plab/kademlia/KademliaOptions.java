package p2plab.kademlia;

import java.util.Map;
import java.util.Set;
import p2plab.kademlia.dht.DhtConfig;

/**
 * What {@code network create kademlia} accepts besides {@code --peers}: {@code k} (bucket size
 * and lookup width, default 8), {@code alpha} (queries in flight, default 3),
 * {@code refresh} (bucket refresh on or off, default on), {@code query-timeout} (milliseconds a
 * query waits for its answer, default 2,000) and {@code build} (how a network created whole gets
 * its routing tables: {@code join}, every node joining one by one through the first, or
 * {@code filled}, tables filled directly as a long-running network holds them; default
 * {@code join} below {@value #FILLED_FROM} peers, {@code filled} from there on).
 */
public final class KademliaOptions {
    static final Set<String> KNOWN = Set.of("k", "alpha", "refresh", "query-timeout", "build");
    /**
     * From this many peers a network is built with filled tables unless {@code build=join} says
     * otherwise. Joining costs about 190 messages a node at 10,000 nodes and 372 at 100,000
     * (docs/benchmarks.md), minutes of CPU for 100,000; lab networks stay far below and join.
     */
    public static final int FILLED_FROM = 10_000;

    private KademliaOptions() {
    }

    public static DhtConfig parse(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("kademlia has no option '" + key + "'; it knows k, alpha, refresh, query-timeout and build");
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

    /** True if a network of {@code peers} peers created whole gets filled tables (option {@code build}, else the size). */
    public static boolean filled(Map<String, String> options, int peers) {
        String build = options.get("build");
        if (build == null) {
            return peers >= FILLED_FROM;
        }
        if (!build.equals("join") && !build.equals("filled")) {
            throw new IllegalArgumentException("build must be join (one node after the other) or filled (tables filled directly), got '"
                    + build + "'");
        }
        return build.equals("filled");
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
