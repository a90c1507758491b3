package p2plab.bittorrent.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import p2plab.bittorrent.wire.PeerMessage.Bitfield;
import p2plab.bittorrent.wire.PeerMessage.Cancel;
import p2plab.bittorrent.wire.PeerMessage.Choke;
import p2plab.bittorrent.wire.PeerMessage.Handshake;
import p2plab.bittorrent.wire.PeerMessage.AllowedFast;
import p2plab.bittorrent.wire.PeerMessage.Extended;
import p2plab.bittorrent.wire.PeerMessage.Have;
import p2plab.bittorrent.wire.PeerMessage.HaveAll;
import p2plab.bittorrent.wire.PeerMessage.HaveNone;
import p2plab.bittorrent.wire.PeerMessage.Reject;
import p2plab.bittorrent.wire.PeerMessage.Suggest;
import p2plab.bittorrent.wire.PeerMessage.Interested;
import p2plab.bittorrent.wire.PeerMessage.KeepAlive;
import p2plab.bittorrent.wire.PeerMessage.NotInterested;
import p2plab.bittorrent.wire.PeerMessage.Other;
import p2plab.bittorrent.wire.PeerMessage.Piece;
import p2plab.bittorrent.wire.PeerMessage.Port;
import p2plab.bittorrent.wire.PeerMessage.Request;
import p2plab.bittorrent.wire.PeerMessage.Unchoke;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.MalformedFrameException;
import p2plab.common.transport.WireFormat;

/**
 * The peer wire protocol's bytes (BEP 3).
 *
 * <pre>
 *   handshake (68 bytes, once, first):
 *     13 'BitTorrent protocol' (19 bytes)  reserved[8]  info_hash[20]  peer_id[20]
 *   then messages:  length u32 BE (counts id + payload)  id u8  payload
 *     00000000                keep-alive (no id)
 *     00000001 00             choke           00000001 01  unchoke
 *     00000001 02             interested      00000001 03  not interested
 *     00000005 04 index       have
 *     0000000n 05 bits...     bitfield
 *     0000000d 06 index begin length      request
 *     0000000n 07 index begin block...    piece
 *     0000000d 08 index begin length      cancel
 *     00000003 09 port        port (DHT)
 *   fast extension (BEP 6), when both handshakes set its bit:
 *     00000005 0d index       suggest         00000001 0e  have all
 *     00000001 0f             have none       00000005 11 index  allowed fast
 *     0000000d 10 index begin length      reject request
 *   extension protocol (BEP 10), when both handshakes set its bit:
 *     0000000n 14 ext_id payload...       extended (ext_id 0: the extended handshake)
 * </pre>
 *
 * Every decoder expects a handshake first, then messages; a frame longer than
 * {@link #MAX_FRAME} bytes is refused before it is buffered.
 */
public final class PeerWireFormat implements WireFormat<PeerMessage> {
    public static final byte[] PROTOCOL = "BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);
    public static final int HANDSHAKE_BYTES = 68;
    /** Largest frame accepted: a 16 KiB block with a generous margin, or a bitfield of 1M pieces. */
    public static final int MAX_FRAME = 128 * 1024 + 13;

    private static final List<String> TYPES = List.of("handshake", "keep-alive", "choke", "unchoke", "interested",
            "not interested", "have", "bitfield", "request", "piece", "cancel", "port", "other",
            "suggest", "have all", "have none", "reject", "allowed fast", "extended");

    @Override
    public String overlay() {
        return "bittorrent";
    }

    @Override
    public List<String> messageTypes() {
        return TYPES;
    }

    @Override
    public int typeOf(PeerMessage m) {
        if (m instanceof Handshake) return 0;
        if (m instanceof KeepAlive) return 1;
        if (m instanceof Choke) return 2;
        if (m instanceof Unchoke) return 3;
        if (m instanceof Interested) return 4;
        if (m instanceof NotInterested) return 5;
        if (m instanceof Have) return 6;
        if (m instanceof Bitfield) return 7;
        if (m instanceof Request) return 8;
        if (m instanceof Piece) return 9;
        if (m instanceof Cancel) return 10;
        if (m instanceof Port) return 11;
        if (m instanceof Suggest) return 13;
        if (m instanceof HaveAll) return 14;
        if (m instanceof HaveNone) return 15;
        if (m instanceof Reject) return 16;
        if (m instanceof AllowedFast) return 17;
        if (m instanceof Extended) return 18;
        return 12;
    }

    /** Computed without encoding, so simulated pieces cost no copying. */
    @Override
    public int sizeOf(PeerMessage m) {
        if (m instanceof Handshake) return HANDSHAKE_BYTES;
        if (m instanceof KeepAlive) return 4;
        if (m instanceof Have || m instanceof Suggest || m instanceof AllowedFast) return 9;
        if (m instanceof Bitfield b) return 5 + b.bits().length;
        if (m instanceof Request || m instanceof Cancel || m instanceof Reject) return 17;
        if (m instanceof Piece p) return 13 + p.block().length;
        if (m instanceof Port) return 7;
        if (m instanceof Other o) return 5 + o.payload().length;
        if (m instanceof Extended x) return 6 + x.payload().length;
        return 5;
    }

    @Override
    public byte[] encode(PeerMessage m) {
        ByteBuffer b = ByteBuffer.allocate(sizeOf(m));
        if (m instanceof Handshake h) {
            b.put((byte) 19).put(PROTOCOL).put(h.reserved()).put(h.infoHash()).put(h.peerId());
        } else if (m instanceof KeepAlive) {
            b.putInt(0);
        } else if (m instanceof Choke) {
            b.putInt(1).put((byte) 0);
        } else if (m instanceof Unchoke) {
            b.putInt(1).put((byte) 1);
        } else if (m instanceof Interested) {
            b.putInt(1).put((byte) 2);
        } else if (m instanceof NotInterested) {
            b.putInt(1).put((byte) 3);
        } else if (m instanceof Have h) {
            b.putInt(5).put((byte) 4).putInt(h.index());
        } else if (m instanceof Bitfield f) {
            b.putInt(1 + f.bits().length).put((byte) 5).put(f.bits());
        } else if (m instanceof Request r) {
            b.putInt(13).put((byte) 6).putInt(r.index()).putInt(r.begin()).putInt(r.length());
        } else if (m instanceof Piece p) {
            b.putInt(9 + p.block().length).put((byte) 7).putInt(p.index()).putInt(p.begin()).put(p.block());
        } else if (m instanceof Cancel c) {
            b.putInt(13).put((byte) 8).putInt(c.index()).putInt(c.begin()).putInt(c.length());
        } else if (m instanceof Port p) {
            b.putInt(3).put((byte) 9).putShort((short) p.port());
        } else if (m instanceof Suggest x) {
            b.putInt(5).put((byte) 13).putInt(x.index());
        } else if (m instanceof HaveAll) {
            b.putInt(1).put((byte) 14);
        } else if (m instanceof HaveNone) {
            b.putInt(1).put((byte) 15);
        } else if (m instanceof Reject r) {
            b.putInt(13).put((byte) 16).putInt(r.index()).putInt(r.begin()).putInt(r.length());
        } else if (m instanceof AllowedFast x) {
            b.putInt(5).put((byte) 17).putInt(x.index());
        } else if (m instanceof Extended x) {
            b.putInt(2 + x.payload().length).put((byte) 20).put((byte) x.extId()).put(x.payload());
        } else if (m instanceof Other o) {
            b.putInt(1 + o.payload().length).put((byte) o.id()).put(o.payload());
        }
        return b.array();
    }

    @Override
    public FrameDecoder<PeerMessage> newDecoder() {
        return new Decoder();
    }

    /** One connection's decoder: the handshake, then length-prefixed messages. */
    private static final class Decoder implements FrameDecoder<PeerMessage> {
        private boolean handshakeSeen;

        @Override
        public PeerMessage decode(ByteBuffer in) throws MalformedFrameException {
            if (!handshakeSeen) {
                if (in.remaining() >= 1 && (in.get(in.position()) & 0xff) != 19) {
                    throw new MalformedFrameException("not a BitTorrent handshake: protocol name length "
                            + (in.get(in.position()) & 0xff) + " instead of 19");
                }
                if (in.remaining() < HANDSHAKE_BYTES) {
                    return null;
                }
                byte[] all = new byte[HANDSHAKE_BYTES];
                in.get(all);
                if (!Arrays.equals(all, 1, 20, PROTOCOL, 0, 19)) {
                    throw new MalformedFrameException("not a BitTorrent handshake: protocol is not 'BitTorrent protocol'");
                }
                handshakeSeen = true;
                return new Handshake(Arrays.copyOfRange(all, 20, 28), Arrays.copyOfRange(all, 28, 48),
                        Arrays.copyOfRange(all, 48, 68));
            }
            if (in.remaining() < 4) {
                return null;
            }
            int length = in.getInt(in.position());
            if (length < 0 || length > MAX_FRAME) {
                throw new MalformedFrameException("peer message of " + Integer.toUnsignedString(length)
                        + " bytes exceeds the limit of " + MAX_FRAME);
            }
            if (in.remaining() < 4 + length) {
                return null;
            }
            int start = in.position();
            in.position(start + 4);
            if (length == 0) {
                return new KeepAlive();
            }
            int id = in.get() & 0xff;
            int payload = length - 1;
            PeerMessage m = switch (id) {
                case 0 -> fixed(payload, 0, new Choke());
                case 1 -> fixed(payload, 0, new Unchoke());
                case 2 -> fixed(payload, 0, new Interested());
                case 3 -> fixed(payload, 0, new NotInterested());
                case 4 -> { check(payload, 4, "have"); yield new Have(in.getInt()); }
                case 5 -> { byte[] bits = new byte[payload]; in.get(bits); yield new Bitfield(bits); }
                case 6 -> { check(payload, 12, "request"); yield new Request(in.getInt(), in.getInt(), in.getInt()); }
                case 7 -> {
                    if (payload < 8) {
                        throw new MalformedFrameException("piece message of " + payload + " bytes is too short");
                    }
                    int index = in.getInt();
                    int begin = in.getInt();
                    byte[] block = new byte[payload - 8];
                    in.get(block);
                    yield new Piece(index, begin, block);
                }
                case 8 -> { check(payload, 12, "cancel"); yield new Cancel(in.getInt(), in.getInt(), in.getInt()); }
                case 9 -> { check(payload, 2, "port"); yield new Port(in.getShort() & 0xffff); }
                case 13 -> { check(payload, 4, "suggest"); yield new Suggest(in.getInt()); }
                case 14 -> fixed(payload, 0, new HaveAll());
                case 15 -> fixed(payload, 0, new HaveNone());
                case 16 -> { check(payload, 12, "reject"); yield new Reject(in.getInt(), in.getInt(), in.getInt()); }
                case 17 -> { check(payload, 4, "allowed fast"); yield new AllowedFast(in.getInt()); }
                case 20 -> {
                    if (payload < 1) {
                        throw new MalformedFrameException("extended message without an extension id");
                    }
                    int ext = in.get() & 0xff;
                    byte[] p = new byte[payload - 1];
                    in.get(p);
                    yield new Extended(ext, p);
                }
                default -> { byte[] p = new byte[payload]; in.get(p); yield new Other(id, p); }
            };
            in.position(start + 4 + length);
            return m;
        }

        private static PeerMessage fixed(int payload, int expected, PeerMessage m) throws MalformedFrameException {
            check(payload, expected, m.getClass().getSimpleName().toLowerCase());
            return m;
        }

        private static void check(int payload, int expected, String what) throws MalformedFrameException {
            if (payload != expected) {
                throw new MalformedFrameException(what + " message carries " + payload + " payload bytes, expected " + expected);
            }
        }
    }
}
