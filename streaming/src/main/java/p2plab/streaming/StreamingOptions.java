package p2plab.streaming;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import p2plab.streaming.client.ClientSettings;
import p2plab.streaming.client.Mode;
import p2plab.streaming.geo.Geography;
import p2plab.streaming.media.Startup;
import p2plab.streaming.media.TcpModel;
import p2plab.streaming.media.TrackCatalogue;
import p2plab.streaming.policy.SpotifyRescue;

/**
 * The {@code --option key=value} settings of a streaming network: the mode, the catalogue,
 * the servers' capacities and every policy number of the client. Seconds may be fractional.
 *
 * @param serverUpload origin uplink in bytes/s (0 = unlimited)
 * @param edges        edge caches in CDN mode
 * @param edgeCacheChunks chunks each edge caches (LRU)
 * @param edgeUpload   each edge's uplink in bytes/s (0 = unlimited)
 * @param startup      what a player pays to start a track (start buffer, disk read, sound device, the key round trip)
 * @param tcp          what TCP adds to each chunk's arrival in a simulation (slow start, loss recovery)
 */
public record StreamingOptions(Mode mode, TrackCatalogue catalogue, ClientSettings client, SpotifyRescue rescue,
                               Geography geography, long serverUpload, int edges, int edgeCacheChunks, long edgeUpload,
                               Startup startup, TcpModel tcp) {

    public static final StreamingOptions DEFAULTS = new StreamingOptions(Mode.HYBRID, TrackCatalogue.DEFAULT,
            ClientSettings.DEFAULTS, SpotifyRescue.DEFAULTS, Geography.DEFAULT, 0, 4, 20_000, 0, Startup.DEFAULT,
            TcpModel.DEFAULT);

    public static final Set<String> KEYS = new TreeSet<>(Set.of("mode", "tracks", "trackBytes", "chunk", "bitrate",
            "serverUpload", "edges", "edgeCache", "edgeUpload", "regions", "cache", "ahead", "refill", "soft", "hard",
            "slots", "serverHead", "serverAhead", "depth", "trackerPeers", "peerBatch", "peersPerTrack",
            "searchTimeout", "watchdog", "searchAt", "serverAt", "fallback", "startChunks", "diskRead", "output",
            "drm", "initialWindow", "loss", "minRto"));

    public StreamingOptions {
        if (edges < 0 || edgeCacheChunks < 0 || serverUpload < 0 || edgeUpload < 0) {
            throw new IllegalArgumentException("edges, edgeCache and upload rates must be >= 0");
        }
        if (mode == Mode.CDN && edges < 1) {
            throw new IllegalArgumentException("a CDN needs at least one edge; set edges=1 or more");
        }
    }

    public static StreamingOptions parse(Map<String, String> o) {
        for (String key : o.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown streaming option '" + key + "'; known: " + String.join(", ", KEYS));
            }
        }
        StreamingOptions d = DEFAULTS;
        TrackCatalogue c = d.catalogue;
        TrackCatalogue catalogue = new TrackCatalogue(integer(o, "tracks", c.tracks()), number(o, "trackBytes", c.trackBytes()),
                integer(o, "chunk", c.chunkBytes()), number(o, "bitrate", c.bitrate()));
        ClientSettings s = d.client;
        ClientSettings client = new ClientSettings(seconds(o, "ahead", s.aheadSeconds()), integer(o, "refill", s.refillChunks()),
                integer(o, "cache", s.cacheTracks()), integer(o, "soft", s.softNeighbours()), integer(o, "hard", s.hardNeighbours()),
                integer(o, "slots", s.uploadSlots()), seconds(o, "serverHead", s.serverHeadSeconds()),
                seconds(o, "serverAhead", s.serverAheadSeconds()), integer(o, "depth", s.searchDepth()),
                integer(o, "trackerPeers", s.trackerPeers()), integer(o, "peerBatch", s.peerBatchChunks()),
                integer(o, "peersPerTrack", s.peersPerTrack()), seconds(o, "searchTimeout", s.searchTimeoutSeconds()),
                seconds(o, "watchdog", s.watchdogSeconds()));
        SpotifyRescue r = d.rescue;
        SpotifyRescue rescue = new SpotifyRescue(seconds(o, "searchAt", r.searchAtSecondsLeft()),
                seconds(o, "serverAt", r.serverAtSecondsLeft()), seconds(o, "fallback", r.fallbackSeconds()));
        Geography g = d.geography;
        Geography geography = new Geography(integer(o, "regions", g.regions()), g.localMillis(), g.perHopMillis());
        Mode mode = o.containsKey("mode") ? Mode.parse(o.get("mode")) : d.mode;
        Startup u = d.startup;
        Startup startup = new Startup(integer(o, "startChunks", u.bufferChunks()), nanos(o, "diskRead", u.diskReadNanos()),
                nanos(o, "output", u.outputNanos()), drm(o, mode));
        TcpModel t = d.tcp;
        TcpModel tcp = new TcpModel(integer(o, "initialWindow", t.initialWindow()), t.mss(), fraction(o, "loss", t.lossRate()),
                nanos(o, "minRto", t.minRtoNanos()), t.idleNanos());
        return new StreamingOptions(mode, catalogue, client, rescue, geography, number(o, "serverUpload", d.serverUpload),
                integer(o, "edges", d.edges), integer(o, "edgeCache", d.edgeCacheChunks), number(o, "edgeUpload", d.edgeUpload),
                startup, tcp);
    }

    /** The key round trip of every play: {@code drm=on|off}; by default on in the hybrid (Spotify's client), off otherwise. */
    private static boolean drm(Map<String, String> o, Mode mode) {
        String v = o.get("drm");
        if (v == null) {
            return mode == Mode.HYBRID;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("option drm must be on or off, got '" + v + "'");
        };
    }

    private static int integer(Map<String, String> o, String key, int fallback) {
        long v = number(o, key, fallback);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("option " + key + " is too large: " + v);
        }
        return (int) v;
    }

    private static long number(Map<String, String> o, String key, long fallback) {
        return parsed(o, key, fallback, v -> Long.parseLong(v.replace("_", "")), "a whole number");
    }

    private static double fraction(Map<String, String> o, String key, double fallback) {
        return parsed(o, key, fallback, Double::parseDouble, "a number such as 0.001");
    }

    /** The option's value read by {@code parse}, or {@code fallback} when it is not given. */
    private static <T> T parsed(Map<String, String> o, String key, T fallback, java.util.function.Function<String, T> parse,
                                String what) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return parse.apply(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be " + what + ", got '" + v + "'");
        }
    }

    private static long nanos(Map<String, String> o, String key, long fallback) {
        return Math.round(seconds(o, key, fallback / 1e9) * 1e9);
    }

    private static double seconds(Map<String, String> o, String key, double fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Double.parseDouble(t.substring(0, t.length() - 2)) / 1000;
            }
            return Double.parseDouble(t.endsWith("s") ? t.substring(0, t.length() - 1) : t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a duration in seconds such as 15, 2.5s or 500ms, got '"
                    + v + "'");
        }
    }
}
