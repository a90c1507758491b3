package p2plab.streaming.media;

/** Where the bytes of a play came from (Spotify's measurement splits played data this way). */
public enum SourceKind {
    SERVER, EDGE, PEER, CACHE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
