package p2plab.bittorrent.client;

/**
 * Where a torrent of a {@link Client} stands, as the shell shows it. A torrent started from a
 * magnet link goes through all of them; one started from a .torrent begins at
 * {@link #DOWNLOADING} (or {@link #SEEDING}).
 */
public enum Phase {
    /** Asking the peer sources; no peer has completed a handshake yet. */
    FINDING_PEERS("finding peers"),
    /** Connected; getting the info dictionary from peers (BEP 9). */
    FETCHING_METADATA("fetching metadata"),
    /** Metadata known; trading pieces. */
    DOWNLOADING("downloading"),
    /** Every piece verified; uploading to others. */
    SEEDING("seeding"),
    /** Left the swarm (stopped, or the metadata could not be used). */
    STOPPED("stopped");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** As the shell prints it: {@code finding peers}, {@code fetching metadata}, ... */
    public String label() {
        return label;
    }
}
