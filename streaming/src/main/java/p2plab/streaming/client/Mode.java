package p2plab.streaming.client;

/** The three ways to deliver music that the module compares. */
public enum Mode {
    /** One origin server streams every track to every listener. */
    SERVER,
    /** Listeners stream from their nearest edge cache; edges fetch misses from the origin. */
    CDN,
    /** Spotify's design: the server starts a track and rescues it; peers and the local cache do the rest. */
    HYBRID;

    public static Mode parse(String text) {
        for (Mode m : values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("--mode must be server, cdn or hybrid, got '" + text + "'");
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
