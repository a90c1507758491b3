package p2plab.napster;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import p2plab.common.units.TimeSpan;
import p2plab.napster.peer.PeerSettings;
import p2plab.napster.server.ServerSettings;

/**
 * The {@code --option key=value} settings of a Napster network, turned into server and peer
 * settings. Durations are written {@code 500ms}, {@code 10s} or {@code 2m} (a bare number is seconds).
 */
public record NapsterOptions(ServerSettings server, PeerSettings peer) {

    public static final NapsterOptions DEFAULTS = new NapsterOptions(ServerSettings.DEFAULTS, PeerSettings.DEFAULTS);

    /** The keys a user may set, with what they mean (for error messages and the docs). */
    public static final Set<String> KEYS = Set.of("maxResults", "maxShared", "heartbeat", "heartbeatTimeout", "retry",
            "searchTimeout", "chunk", "window", "attempts");

    public static NapsterOptions parse(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown napster option '" + key + "'; known: "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        ServerSettings s = ServerSettings.DEFAULTS;
        PeerSettings p = PeerSettings.DEFAULTS;
        int maxResults = integer(options, "maxResults", s.maxResults());
        s = new ServerSettings(maxResults, duration(options, "heartbeatTimeout", s.heartbeatTimeout()),
                integer(options, "maxShared", s.maxShared()));
        p = new PeerSettings(duration(options, "heartbeat", p.heartbeatInterval()), duration(options, "retry", p.retryInterval()),
                duration(options, "searchTimeout", p.searchTimeout()), maxResults,
                integer(options, "chunk", p.chunkSize()), integer(options, "window", p.window()),
                integer(options, "attempts", p.downloadAttempts()));
        if (p.heartbeatInterval().compareTo(s.heartbeatTimeout()) >= 0) {
            throw new IllegalArgumentException("heartbeat (" + p.heartbeatInterval().toMillis() + " ms) must be shorter than "
                    + "heartbeatTimeout (" + s.heartbeatTimeout().toMillis() + " ms), or every peer times out");
        }
        return new NapsterOptions(s, p);
    }

    private static int integer(Map<String, String> options, String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a whole number, got '" + v + "'");
        }
    }

    static Duration duration(Map<String, String> options, String key, Duration fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return TimeSpan.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + key + " must be a duration such as 500ms, 10s or 2m, got '" + v + "'");
        }
    }
}
