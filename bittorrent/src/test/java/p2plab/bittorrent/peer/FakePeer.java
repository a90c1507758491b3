package p2plab.bittorrent.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import p2plab.bittorrent.wire.ExtensionHandshake;
import p2plab.bittorrent.wire.PeerMessage;
import p2plab.bittorrent.wire.UtMetadata;
import p2plab.common.transport.Link;
import p2plab.common.transport.PeerHandler;

/**
 * A scripted peer for metadata and DHT tests: answers a handshake with its own, announces
 * {@code ut_metadata} under id {@link #OUR_ID} with the metadata size it is told, and answers
 * each metadata request with whatever {@code answer} makes of the piece number.
 */
final class FakePeer implements PeerHandler<PeerMessage> {
    static final int OUR_ID = 3;
    final List<PeerMessage> received = new ArrayList<>();
    private final byte[] infoHash;
    private final byte[] reserved;
    private final long metadataSize;
    private final IntFunction<UtMetadata> answer;
    Link<PeerMessage> link;
    boolean closed;

    FakePeer(byte[] infoHash, byte[] reserved, long metadataSize, IntFunction<UtMetadata> answer) {
        this.infoHash = infoHash;
        this.reserved = reserved;
        this.metadataSize = metadataSize;
        this.answer = answer;
    }

    @Override
    public void onConnected(Link<PeerMessage> l) {
        link = l;
        if (l.outbound()) {
            l.send(ours());
        }
    }

    private PeerMessage.Handshake ours() {
        return new PeerMessage.Handshake(reserved, infoHash, "-FK0001-123456789012".getBytes());
    }

    @Override
    public void onMessage(Link<PeerMessage> l, PeerMessage m) {
        received.add(m);
        if (m instanceof PeerMessage.Handshake) {
            if (!l.outbound()) {
                l.send(ours());
            }
            l.send(new PeerMessage.Extended(0, new ExtensionHandshake(Map.of(UtMetadata.NAME, OUR_ID), "fake", 0, 0,
                    metadataSize).encode()));
        } else if (m instanceof PeerMessage.Extended x && x.extId() == OUR_ID
                && UtMetadata.decode(x.payload()) instanceof UtMetadata.Request r) {
            l.send(new PeerMessage.Extended(MetadataFetch.UT_METADATA_ID, UtMetadata.encode(answer.apply(r.piece()))));
        }
    }

    @Override
    public void onClosed(Link<PeerMessage> l, String reason) {
        closed = true;
    }

    /** The handshake the other side sent. */
    PeerMessage.Handshake handshake() {
        for (PeerMessage m : received) {
            if (m instanceof PeerMessage.Handshake h) {
                return h;
            }
        }
        return null;
    }

    List<UtMetadata> metadataMessages(int id) {
        List<UtMetadata> out = new ArrayList<>();
        for (PeerMessage m : received) {
            if (m instanceof PeerMessage.Extended x && x.extId() == id) {
                out.add(UtMetadata.decode(x.payload()));
            }
        }
        return out;
    }

    ExtensionHandshake extendedHandshake() {
        for (PeerMessage m : received) {
            if (m instanceof PeerMessage.Extended x && x.extId() == 0) {
                return ExtensionHandshake.decode(x.payload());
            }
        }
        return null;
    }
}
