package p2plab.bittorrent.peer;

import java.util.Collection;
import p2plab.bittorrent.wire.PeerMessage;

/**
 * What {@link PeerEngine} hands a torrent's connections to: a {@link TorrentSession} once the
 * metadata is known, a {@link MetadataFetch} before.
 */
interface Swarm {
    byte[] infoHash();

    boolean stopped();

    boolean banned(String peerKey);

    /** Pieces of the torrent, 0 while unknown. */
    int pieceCount();

    Collection<Connection> connectionList();

    Connection connectionTo(String peerKey);

    void onHandshake(Connection c);

    void onMessage(Connection c, PeerMessage m);

    void onWritable(Connection c);

    void onClosed(Connection c);

    void stop();
}
