package p2plab.bittorrent.peer;

/**
 * A live view of one torrent at one peer, for a progress bar or {@code peer info}.
 *
 * @param piecesHave    verified pieces
 * @param pieces        pieces in the torrent
 * @param bytesHave     verified bytes
 * @param bytesTotal    the torrent's size
 * @param downRate      bytes/s received over the last rechoke period
 * @param upRate        bytes/s sent over the last rechoke period
 * @param peers         open connections
 * @param unchoked      peers we upload to
 * @param unchokedBy    peers that let us download
 * @param banned        peers banned for bad data
 */
public record SwarmStatus(int piecesHave, int pieces, long bytesHave, long bytesTotal, double downRate, double upRate,
                          int peers, int unchoked, int unchokedBy, int banned) {

    public String line() {
        return String.format("%d/%d pieces  down %.1f KiB/s  up %.1f KiB/s  peers %d (unchoked %d, unchoked by %d)%s",
                piecesHave, pieces, downRate / 1024, upRate / 1024, peers, unchoked, unchokedBy,
                banned > 0 ? "  banned " + banned : "");
    }
}
