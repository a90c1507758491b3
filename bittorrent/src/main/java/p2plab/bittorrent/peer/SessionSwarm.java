package p2plab.bittorrent.peer;

import java.util.Collection;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.UtMetadata;

/**
 * A {@link TorrentSession} as the engine sees it, plus the answers to {@code ut_metadata}
 * requests (BEP 9): we have the info dictionary, so each request for a piece of it gets the piece,
 * until the peer has asked for the whole dictionary twice over, then rejects.
 */
final class SessionSwarm implements Swarm {
    /** Metadata requests answered per connection beyond twice the dictionary's pieces (a few re-asks). */
    static final int SPARE_METADATA_REQUESTS = 8;

    final TorrentSession session;

    SessionSwarm(TorrentSession session) {
        this.session = session;
    }

    @Override
    public byte[] infoHash() {
        return session.metainfo().infoHash();
    }

    @Override
    public boolean stopped() {
        return session.stopped();
    }

    @Override
    public boolean banned(String peerKey) {
        return session.storage().banned(peerKey);
    }

    @Override
    public int pieceCount() {
        return session.metainfo().pieceCount();
    }

    @Override
    public Collection<Connection> connectionList() {
        return session.connections();
    }

    @Override
    public Connection connectionTo(String peerKey) {
        return session.connectionTo(peerKey);
    }

    @Override
    public void onHandshake(Connection c) {
        session.onHandshake(c);
    }

    @Override
    public void onMessage(Connection c, PeerMessage m) {
        if (m instanceof PeerMessage.Extended x && x.extId() == MetadataFetch.UT_METADATA_ID && c.extensionProtocol) {
            answerMetadata(c, x.payload());
            return;
        }
        session.onMessage(c, m);
    }

    private void answerMetadata(Connection c, byte[] payload) {
        int theirId = c.extensions == null ? 0 : c.extensions.idOf(UtMetadata.NAME);
        UtMetadata m;
        try {
            m = UtMetadata.decode(payload);
        } catch (IllegalArgumentException e) {
            c.link.close(); // a malformed extension message is a protocol error
            return;
        }
        if (!(m instanceof UtMetadata.Request r) || theirId == 0) {
            return; // data or reject we never asked for, or a peer we cannot answer
        }
        byte[] info = session.metainfo().infoBytes();
        int pieces = (info.length + UtMetadata.PIECE - 1) / UtMetadata.PIECE;
        if (++c.metadataRequests > 2 * pieces + SPARE_METADATA_REQUESTS) {
            c.answer(new PeerMessage.Extended(theirId, UtMetadata.encode(new UtMetadata.Reject(r.piece()))));
        } else {
            // Sent whatever the link's backlog: an honest fetcher asks for every piece at once, and
            // the request cap above already bounds what a peer can make us queue to two copies.
            c.send(new PeerMessage.Extended(theirId, UtMetadata.encode(MetadataPieces.answer(info, r.piece()))));
        }
    }

    @Override
    public void onWritable(Connection c) {
        session.serveUploads(c);
    }

    @Override
    public void onClosed(Connection c) {
        session.onClosed(c);
    }

    @Override
    public void stop() {
        session.stop();
    }
}
