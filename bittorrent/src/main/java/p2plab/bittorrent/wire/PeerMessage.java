package p2plab.bittorrent.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** The messages of the BitTorrent peer wire protocol (BEP 3), one record each. */
public sealed interface PeerMessage {

    /** First message on every connection, both ways. */
    record Handshake(byte[] reserved, byte[] infoHash, byte[] peerId) implements PeerMessage {
        public Handshake {
            if (reserved.length != 8 || infoHash.length != 20 || peerId.length != 20) {
                throw new IllegalArgumentException("handshake needs 8 reserved bytes, a 20-byte info hash and a 20-byte peer id");
            }
        }

        public static Handshake of(byte[] infoHash, byte[] peerId) {
            return new Handshake(new byte[8], infoHash, peerId);
        }

        /** Our handshake: announces the extensions we speak in the reserved bytes. */
        public static Handshake ours(byte[] infoHash, byte[] peerId) {
            return new Handshake(Reserved.ours(), infoHash, peerId);
        }

        @Override
        public String toString() {
            return "Handshake[" + HexFormat.of().formatHex(infoHash).substring(0, 8) + "]";
        }
    }

    record KeepAlive() implements PeerMessage {
    }

    record Choke() implements PeerMessage {
    }

    record Unchoke() implements PeerMessage {
    }

    record Interested() implements PeerMessage {
    }

    record NotInterested() implements PeerMessage {
    }

    record Have(int index) implements PeerMessage {
    }

    /** Which pieces the sender has, high bit of the first byte = piece 0. */
    record Bitfield(byte[] bits) implements PeerMessage {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bitfield b && Arrays.equals(bits, b.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }
    }

    record Request(int index, int begin, int length) implements PeerMessage {
    }

    record Piece(int index, int begin, byte[] block) implements PeerMessage {
        @Override
        public boolean equals(Object o) {
            return o instanceof Piece p && p.index == index && p.begin == begin && Arrays.equals(block, p.block);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * index + begin) + Arrays.hashCode(block);
        }

        @Override
        public String toString() {
            return "Piece[" + index + "," + begin + "," + block.length + " bytes]";
        }
    }

    record Cancel(int index, int begin, int length) implements PeerMessage {
    }

    /** DHT port (BEP 5); decoded and ignored. */
    record Port(int port) implements PeerMessage {
    }

    /** BEP 6: "I have no piece", instead of a bitfield (fast extension only). */
    record HaveNone() implements PeerMessage {
    }

    /** BEP 6: "I have every piece", instead of a bitfield (fast extension only). */
    record HaveAll() implements PeerMessage {
    }

    /** BEP 6: this request will not be answered (fast extension only). */
    record Reject(int index, int begin, int length) implements PeerMessage {
    }

    /** BEP 6: a hint that this piece is cheap to get from the sender. */
    record Suggest(int index) implements PeerMessage {
    }

    /** BEP 6: this piece may be requested even while choked. */
    record AllowedFast(int index) implements PeerMessage {
    }

    /**
     * BEP 10 extension message: {@code extId} 0 is the extended handshake
     * ({@link ExtensionHandshake}), other ids are the extensions named in its {@code m} dictionary.
     */
    record Extended(int extId, byte[] payload) implements PeerMessage {
        @Override
        public boolean equals(Object o) {
            return o instanceof Extended x && x.extId == extId && Arrays.equals(payload, x.payload);
        }

        @Override
        public int hashCode() {
            return 31 * extId + Arrays.hashCode(payload);
        }
    }

    /** Any other id: decoded so the link survives, then ignored. */
    record Other(int id, byte[] payload) implements PeerMessage {
        @Override
        public boolean equals(Object o) {
            return o instanceof Other x && x.id == id && Arrays.equals(payload, x.payload);
        }

        @Override
        public int hashCode() {
            return 31 * id + Arrays.hashCode(payload);
        }
    }
}
