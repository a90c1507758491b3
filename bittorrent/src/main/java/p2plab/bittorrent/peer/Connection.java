package p2plab.bittorrent.peer;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;
import p2plab.bittorrent.wire.ExtensionHandshake;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.PeerWireFormat;
import p2plab.bittorrent.wire.PieceSet;
import p2plab.common.transport.Link;

/** Our state for one remote peer of one torrent (BEP 3's four flags, its pieces, our requests). */
public final class Connection {
    /**
     * Bytes of answers (rejects, metadata pieces, choke and unchoke) we queue for a peer whose
     * link stays full: a peer that keeps asking and never reads is closed past this, instead of
     * making our send buffer grow with every message it sends.
     */
    public static final int MAX_UNREAD_ANSWER_BYTES = 1024 * 1024;
    private static final PeerWireFormat FORMAT = new PeerWireFormat();
    final Link<PeerMessage> link;
    final String peerKey;
    final byte[] peerId;
    final PieceSet has;
    final long connectedNanos;
    boolean amChoking = true;
    boolean amInterested;
    boolean peerChoking = true;
    boolean peerInterested;
    /** Both handshakes set the fast extension bit (BEP 6): every request gets a piece or a reject. */
    boolean fast;
    /** Both handshakes set the DHT bit (BEP 5) and we run a DHT node: port messages count. */
    boolean dht;
    /** Its port message was passed to the DHT already (the first one only counts). */
    boolean dhtPortLearned;
    /** Both handshakes set the extension protocol bit (BEP 10). */
    boolean extensionProtocol;
    /** The peer's extended handshake, once received; null before (or if it never sends one). */
    ExtensionHandshake extensions;
    /** ut_metadata requests this peer sent us (BEP 9), to cap what it can make us send. */
    int metadataRequests;
    /** Bytes of answers queued since the link was last writable (see {@link #answer}). */
    private long unreadAnswerBytes;
    /** Requests we keep outstanding with this peer now; grows while the peer keeps them all busy. */
    int pipeline;
    /** Blocks we asked for and did not get yet, as {@link TorrentSession#blockKey} values. */
    final Set<Long> outstanding = new LinkedHashSet<>();
    /**
     * Blocks we asked for and then gave up on (choked, cancelled) that may still be on the wire;
     * oldest first, at most {@link TorrentSession#MAX_RELEASED} kept.
     */
    final Set<Long> released = new LinkedHashSet<>();
    /** Its requests we accepted and did not answer yet, oldest first. */
    final ArrayDeque<PeerMessage.Request> uploads = new ArrayDeque<>();
    long lastDataNanos;
    long bytesDown;
    long bytesUp;
    long downWindow;
    long upWindow;
    double downRate;
    double upRate;

    Connection(Link<PeerMessage> link, byte[] peerId, int pieces, long now) {
        this.link = link;
        this.peerId = peerId;
        this.peerKey = PeerIds.key(peerId);
        this.has = new PieceSet(pieces);
        this.connectedNanos = now;
        this.lastDataNanos = now;
    }

    public String peerKey() {
        return peerKey;
    }

    public byte[] peerId() {
        return peerId.clone();
    }

    public boolean amChoking() {
        return amChoking;
    }

    public boolean peerChoking() {
        return peerChoking;
    }

    public boolean amInterested() {
        return amInterested;
    }

    public boolean peerInterested() {
        return peerInterested;
    }

    public boolean fast() {
        return fast;
    }

    /** The peer's extended handshake (BEP 10), or null. */
    public ExtensionHandshake extensions() {
        return extensions;
    }

    public PieceSet has() {
        return has;
    }

    public long bytesDown() {
        return bytesDown;
    }

    public long bytesUp() {
        return bytesUp;
    }

    void send(PeerMessage m) {
        link.send(m);
    }


    /**
     * Sends an answer the peer asked for. While the link is full the answers wait in our buffers;
     * past {@link #MAX_UNREAD_ANSWER_BYTES} of them the peer is not reading and the link is closed.
     */
    void answer(PeerMessage m) {
        if (link.writable()) {
            unreadAnswerBytes = 0;
        } else {
            unreadAnswerBytes += FORMAT.sizeOf(m);
            if (unreadAnswerBytes > MAX_UNREAD_ANSWER_BYTES) {
                link.close();
                return;
            }
        }
        link.send(m);
    }
}
