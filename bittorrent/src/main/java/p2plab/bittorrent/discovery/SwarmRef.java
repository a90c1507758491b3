package p2plab.bittorrent.discovery;

import java.util.HexFormat;
import java.util.List;

/**
 * What a {@link PeerSource} needs to know about one torrent: which one, where we listen, the
 * trackers it names (from the .torrent or the magnet link; empty when trackerless), and our
 * transfer counts for announces.
 *
 * @param infoHash the 20-byte SHA-1 of the info dictionary
 * @param port     our peer's listening port (what {@code announce_peer} and the tracker announce)
 * @param trackers announce URLs, possibly none
 * @param counts   read on the client's peer thread only
 */
public record SwarmRef(byte[] infoHash, int port, List<String> trackers, Counts counts) {

    public SwarmRef {
        if (infoHash.length != 20) {
            throw new IllegalArgumentException("an info hash has 20 bytes, got " + infoHash.length);
        }
        infoHash = infoHash.clone();
        trackers = List.copyOf(trackers);
    }

    @Override
    public byte[] infoHash() {
        return infoHash.clone();
    }

    public String infoHashHex() {
        return HexFormat.of().formatHex(infoHash);
    }

    /** Our transfer so far, as a tracker wants it. */
    public interface Counts {
        long uploaded();

        long downloaded();

        /** Bytes still missing; before the metadata is known, a positive guess (we are not a seed). */
        long left();
    }
}
