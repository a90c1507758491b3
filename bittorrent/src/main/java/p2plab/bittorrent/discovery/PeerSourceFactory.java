package p2plab.bittorrent.discovery;

import java.util.List;
import p2plab.common.overlay.PeerId;
import p2plab.common.transport.Transport;

/**
 * Makes the extra {@link PeerSource}s of each peer of a lab network (a DHT node per peer, say):
 * the application hands one to {@code new BitTorrentOverlay(pickers, chokers, factory)}. Called
 * each time a peer starts, and again when it is revived (its old sources were killed with it).
 * In simulation, nodes opened under {@code peer.label()} share the peer's host, so a DHT node
 * opened that way announces the right IP for the peer.
 */
@FunctionalInterface
public interface PeerSourceFactory {
    PeerSourceFactory NONE = (peer, transport) -> List.of();

    /** The sources of peer {@code peer}, opened on {@code transport}. */
    List<PeerSource> open(PeerId peer, Transport transport);
}
