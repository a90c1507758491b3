package p2plab.bittorrent;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import p2plab.bittorrent.choke.Choker;
import p2plab.bittorrent.choke.Chokers;
import p2plab.bittorrent.choke.TitForTatChoker;
import p2plab.bittorrent.peer.PeerConfig;
import p2plab.common.overlay.OverlayException;

/**
 * The {@code --option key=value} settings of a BitTorrent network. Everything a swarm can vary
 * is here, so the shell, the experiments and the benchmarks build their swarms one way, through
 * {@link BitTorrentOverlay}.
 *
 * @param pieceLength    bytes per piece of torrents made by {@code share} ({@code piece-length})
 * @param picker         {@code rarest}, {@code random} or {@code sequential}; ignored when the overlay was given a picker factory
 * @param choker         {@code tit-for-tat} or {@code free-rider}; ignored likewise
 * @param freeRiders     how many of the initial peers never upload ({@code free-riders}), the last ones by id
 * @param interval       the tracker's announce interval ({@code interval}, seconds)
 * @param pipeline       outstanding block requests per peer ({@code pipeline})
 * @param slots          tit-for-tat's regular unchoke slots while leeching ({@code slots}; one optimistic slot on top)
 * @param seedSlots      the same while seeding ({@code seed-slots})
 * @param optimistic     how long an optimistic unchoke lasts ({@code optimistic}, seconds)
 * @param rechoke        how often the choker re-ranks peers ({@code rechoke}, seconds)
 * @param snub           a peer that sends nothing this long is snubbed ({@code snub}, seconds)
 * @param sharedStore    {@code store=shared}: a downloader keeps only which pieces it verified and reads them
 *                       from the shared content, so a swarm of thousands of peers fits in memory;
 *                       {@code store=memory} (default): it keeps its own copy of the bytes
 * @param trackerless    {@code trackerless=true}: torrents name no tracker and peers never announce to it;
 *                       they find each other only through the sources the application gave the
 *                       overlay (a DHT). The tracker still runs as peer 0 for {@code search}.
 * @param magnet         {@code magnet=true}: {@code download} starts from the torrent's magnet link, so the
 *                       downloader fetches the info dictionary from its peers first (BEP 9), as a real
 *                       trackerless client does; its phase shows in {@code peer info}
 */
public record BitTorrentOptions(int pieceLength, String picker, String choker, int freeRiders, Duration interval, int pipeline,
                                int slots, int seedSlots, Duration optimistic, Duration rechoke, Duration snub,
                                boolean sharedStore, boolean trackerless, boolean magnet) {
    private static final Set<String> KEYS = Set.of("piece-length", "picker", "choker", "free-riders", "interval", "pipeline",
            "slots", "seed-slots", "optimistic", "rechoke", "snub", "store", "trackerless", "magnet");

    public static BitTorrentOptions parse(Map<String, String> o) {
        for (String k : o.keySet()) {
            if (!KEYS.contains(k)) {
                throw new OverlayException("unknown bittorrent option '" + k + "'; known: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        String store = o.getOrDefault("store", "memory");
        if (!store.equals("memory") && !store.equals("shared")) {
            throw new OverlayException("option store must be memory or shared, got '" + store + "'");
        }
        boolean trackerless = flag(o, "trackerless");
        boolean magnet = flag(o, "magnet");
        int slots = number(o, "slots", 4);
        return new BitTorrentOptions(number(o, "piece-length", 256 * 1024), o.getOrDefault("picker", "rarest"),
                o.getOrDefault("choker", "tit-for-tat"), number(o, "free-riders", 0),
                Duration.ofSeconds(number(o, "interval", 60)), number(o, "pipeline", 5),
                slots, number(o, "seed-slots", slots),
                seconds(o, "optimistic", TitForTatChoker.DEFAULT_OPTIMISTIC_NANOS / 1_000_000_000L),
                seconds(o, "rechoke", PeerConfig.DEFAULTS.rechoke().toSeconds()),
                seconds(o, "snub", PeerConfig.DEFAULTS.snubTimeout().toSeconds()), store.equals("shared"),
                trackerless, magnet);
    }

    /** The chokers named by {@code choker}, tit-for-tat with these slots and optimistic period. */
    public Supplier<Choker> chokers() {
        return Chokers.byName(choker, slots, seedSlots, optimistic.toNanos());
    }

    /** The wire knobs of every peer. */
    public PeerConfig peerConfig() {
        PeerConfig d = PeerConfig.DEFAULTS;
        return new PeerConfig(Math.max(1, pipeline), rechoke, snub, d.banAfter(), d.maxConnections());
    }

    private static boolean flag(Map<String, String> o, String key) {
        String v = o.getOrDefault(key, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new OverlayException("option " + key + " must be true or false, got '" + v + "'");
        }
        return v.equals("true");
    }

    private static Duration seconds(Map<String, String> o, String key, long fallback) {
        String v = o.get(key);
        if (v == null) {
            return Duration.ofSeconds(fallback);
        }
        try {
            double s = Double.parseDouble(v);
            if (!(s > 0 && s <= 1e9)) {
                throw new NumberFormatException();
            }
            return Duration.ofNanos(Math.round(s * 1e9));
        } catch (NumberFormatException e) {
            throw new OverlayException("option " + key + " must be a number of seconds > 0, got '" + v + "'");
        }
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
