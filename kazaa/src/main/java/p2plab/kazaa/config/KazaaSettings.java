package p2plab.kazaa.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import p2plab.common.overlay.OverlayException;
import p2plab.kazaa.election.ElectionParams;

/**
 * The parameters a student can change, from the network's options ({@code --option ttl=4}).
 *
 * @param ttl            supernode hops a query may travel beyond the asker's supernode
 * @param election       target supernode ratio and overload threshold
 * @param links          supernode links each supernode keeps (bounded at twice this)
 * @param searchWindow   how long a search collects hits before it reports
 * @param attachTimeout  how long a node waits for one supernode to accept it before trying the next
 * @param attachTries    supernodes a node tries from its list before asking the bootstrap again
 * @param reviewInterval how often a supernode reports its load and reviews its role
 * @param backup         an ordinary node also keeps a link to a second supernode, to fail over in one round trip
 */
public record KazaaSettings(int ttl, ElectionParams election, int links, Duration searchWindow,
                            Duration attachTimeout, int attachTries, Duration reviewInterval, boolean backup) {

    public static final List<String> KEYS = List.of("ttl", "supernode-ratio", "max-children", "links",
            "search-window-ms", "attach-timeout-ms", "review-interval-ms", "backup");

    public static final int DEFAULT_TTL = 3;
    /**
     * One supernode per twenty peers: a 200-peer classroom network gets 10 supernodes, enough
     * for the supernode TTL to matter. FastTrack ran nearer 1% (100-200 children each); use
     * {@code supernode-ratio=0.01} for large simulations.
     */
    public static final double DEFAULT_RATIO = 0.05;
    public static final int DEFAULT_LINKS = 4;

    public KazaaSettings {
        if (ttl < 0 || ttl > 255) {
            throw new OverlayException("kazaa option ttl must be 0..255, got " + ttl);
        }
        if (links < 1) {
            throw new OverlayException("kazaa option links must be >= 1, got " + links);
        }
        if (attachTries < 1) {
            throw new OverlayException("attach tries must be >= 1");
        }
    }

    public static KazaaSettings defaults() {
        return new KazaaSettings(DEFAULT_TTL, ElectionParams.forRatio(DEFAULT_RATIO), DEFAULT_LINKS,
                Duration.ofSeconds(3), Duration.ofSeconds(2), 5, Duration.ofSeconds(5), false);
    }

    /** Reads the options; an unknown key or a bad value is a one-line {@link OverlayException}. */
    public static KazaaSettings from(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new OverlayException("unknown kazaa option '" + key + "'; known options: " + String.join(", ", KEYS));
            }
        }
        KazaaSettings d = defaults();
        int ttl = integer(options, "ttl", d.ttl());
        double ratio = number(options, "supernode-ratio", DEFAULT_RATIO);
        if (!(ratio > 0 && ratio <= 1)) {
            throw new OverlayException("kazaa option supernode-ratio must be in (0, 1], e.g. 0.05; got " + ratio);
        }
        int maxChildren = integer(options, "max-children", ElectionParams.defaultMaxChildren(ratio));
        if (maxChildren < 1) {
            throw new OverlayException("kazaa option max-children must be >= 1, got " + maxChildren);
        }
        return new KazaaSettings(ttl, new ElectionParams(ratio, maxChildren), integer(options, "links", d.links()),
                millis(options, "search-window-ms", d.searchWindow()), millis(options, "attach-timeout-ms", d.attachTimeout()),
                d.attachTries(), millis(options, "review-interval-ms", d.reviewInterval()), bool(options, "backup", d.backup()));
    }

    /**
     * The longest a child of a crashed supernode may take to be attached and indexed again,
     * counted from the moment it notices the crash: every supernode on its list may time out once.
     */
    public Duration failoverBound() {
        return attachTimeout.multipliedBy(attachTries).plus(attachTimeout);
    }

    /** A supernode refuses new children beyond this, whatever the election says. */
    public int hardChildLimit() {
        return 2 * election.maxChildren();
    }

    public KazaaSettings withTtl(int t) {
        return new KazaaSettings(t, election, links, searchWindow, attachTimeout, attachTries, reviewInterval, backup);
    }

    private static int integer(Map<String, String> o, String key, int fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new OverlayException("kazaa option " + key + " must be a whole number, got '" + v + "'");
        }
    }

    private static boolean bool(Map<String, String> o, String key, boolean fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new OverlayException("kazaa option " + key + " must be true or false, got '" + v + "'");
        };
    }

    private static double number(Map<String, String> o, String key, double fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new OverlayException("kazaa option " + key + " must be a number, got '" + v + "'");
        }
    }

    private static Duration millis(Map<String, String> o, String key, Duration fallback) {
        int ms = integer(o, key, (int) fallback.toMillis());
        if (ms <= 0) {
            throw new OverlayException("kazaa option " + key + " must be > 0 milliseconds, got " + ms);
        }
        return Duration.ofMillis(ms);
    }
}
