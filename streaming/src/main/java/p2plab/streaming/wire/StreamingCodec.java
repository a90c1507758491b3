package p2plab.streaming.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import p2plab.common.transport.Address;
import p2plab.common.transport.LengthPrefixedFormat;
import p2plab.common.transport.MalformedFrameException;
import p2plab.streaming.wire.StreamMessage.Announce;
import p2plab.streaming.wire.StreamMessage.Cancel;
import p2plab.streaming.wire.StreamMessage.Chunk;
import p2plab.streaming.wire.StreamMessage.Found;
import p2plab.streaming.wire.StreamMessage.Hello;
import p2plab.streaming.wire.StreamMessage.Key;
import p2plab.streaming.wire.StreamMessage.KeyRequest;
import p2plab.streaming.wire.StreamMessage.Lookup;
import p2plab.streaming.wire.StreamMessage.Peers;
import p2plab.streaming.wire.StreamMessage.Refuse;
import p2plab.streaming.wire.StreamMessage.Request;
import p2plab.streaming.wire.StreamMessage.Search;

/**
 * The streaming overlay on the wire: {@code <length u32><type u8><fields>}, integers big-endian,
 * addresses as 4 IPv4 bytes and a u16 port.
 *
 * <pre>
 *   00 00 00 0d  01  00 00 00 07  00 00 00 00  00 00 00 20    Request track 7, chunks 0..31
 *   00 00 40 09  02  00 00 00 07  00 00 00 03  [16,384 bytes]  Chunk 3 of track 7
 * </pre>
 *
 * A chunk's payload is filler: the lab measures delivery, it does not decode audio.
 */
public final class StreamingCodec extends LengthPrefixedFormat<StreamMessage> {
    public static final List<String> TYPES = List.of("Hello", "Request", "Chunk", "Refuse", "Cancel", "Lookup",
            "Announce", "Peers", "Search", "Found", "KeyRequest", "Key");
    /** The largest chunk a frame may carry. */
    public static final int MAX_CHUNK_BYTES = 1 << 20;
    /** A tracker answer carries at most this many holders. */
    public static final int MAX_PEERS = 64;
    /** A search's TTL is one unsigned byte on the wire. */
    public static final int MAX_TTL = 255;
    /** An AES-128 key, as {@code Key} carries it. */
    private static final int KEY_BYTES = 16;
    /** Bytes a chunk's frame adds to its payload: length prefix, type, track, index. */
    public static final int CHUNK_OVERHEAD = HEADER_BYTES + 9;

    public StreamingCodec() {
        super(MAX_CHUNK_BYTES + 9);
    }

    @Override
    public String overlay() {
        return "streaming";
    }

    @Override
    public List<String> messageTypes() {
        return TYPES;
    }

    @Override
    public int typeOf(StreamMessage m) {
        return m.type();
    }

    @Override
    public int sizeOf(StreamMessage m) {
        return HEADER_BYTES + bodySize(m);
    }

    private static int bodySize(StreamMessage m) {
        int fields;
        if (m instanceof Chunk c) {
            fields = 8 + c.length();
        } else if (m instanceof Peers p) {
            fields = 5 + 6 * p.holders().size();
        } else {
            fields = FIXED_FIELDS[m.type()];
        }
        return 1 + fields;
    }

    /** Field bytes of each type with a fixed layout, by type code. */
    private static final int[] FIXED_FIELDS = {2, 12, -1, 13, 4, 4, 4, -1, 13, 18, 8, 8 + KEY_BYTES};

    @Override
    protected byte[] encodeBody(StreamMessage m) {
        ByteBuffer b = ByteBuffer.allocate(bodySize(m));
        b.put((byte) m.type());
        if (m instanceof Hello h) {
            b.putShort((short) h.port());
        } else if (m instanceof Request r) {
            b.putInt(r.track()).putInt(r.first()).putInt(r.count());
        } else if (m instanceof Chunk c) {
            b.putInt(c.track()).putInt(c.index()); // the payload stays zero: filler
        } else if (m instanceof Refuse r) {
            b.putInt(r.track()).putInt(r.first()).putInt(r.count()).put((byte) (r.busy() ? 1 : 0));
        } else if (m instanceof Cancel c) {
            b.putInt(c.track());
        } else if (m instanceof Lookup l) {
            b.putInt(l.track());
        } else if (m instanceof Announce a) {
            b.putInt(a.track());
        } else if (m instanceof Peers p) {
            b.putInt(p.track()).put((byte) p.holders().size());
            p.holders().forEach(a -> putAddress(b, a));
        } else if (m instanceof Search s) {
            b.putLong(s.id()).putInt(s.track()).put((byte) s.ttl());
        } else if (m instanceof Found f) {
            b.putLong(f.id()).putInt(f.track());
            putAddress(b, f.holder());
        } else if (m instanceof KeyRequest k) {
            b.putInt(k.id()).putInt(k.track());
        } else if (m instanceof Key k) {
            b.putInt(k.id()).putInt(k.track()); // the 16 key bytes stay zero: filler
        }
        return b.array();
    }

    @Override
    protected StreamMessage decodeBody(ByteBuffer b) throws MalformedFrameException {
        if (!b.hasRemaining()) {
            throw new MalformedFrameException("empty streaming frame");
        }
        int type = b.get();
        try {
            StreamMessage m = switch (type) {
                case 0 -> new Hello(b.getShort() & 0xffff);
                case 1 -> new Request(b.getInt(), b.getInt(), b.getInt());
                case 2 -> {
                    int track = b.getInt();
                    int index = b.getInt();
                    int length = b.remaining();
                    b.position(b.limit());
                    yield new Chunk(track, index, length);
                }
                case 3 -> new Refuse(b.getInt(), b.getInt(), b.getInt(), b.get() != 0);
                case 4 -> new Cancel(b.getInt());
                case 5 -> new Lookup(b.getInt());
                case 6 -> new Announce(b.getInt());
                case 7 -> {
                    int track = b.getInt();
                    int n = b.get() & 0xff;
                    if (n > MAX_PEERS) {
                        throw new MalformedFrameException("Peers lists " + n + " holders; at most " + MAX_PEERS);
                    }
                    List<Address> holders = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        holders.add(getAddress(b));
                    }
                    yield new Peers(track, holders);
                }
                case 8 -> new Search(b.getLong(), b.getInt(), b.get() & 0xff); // the TTL is an unsigned byte, as encoded
                case 9 -> new Found(b.getLong(), b.getInt(), getAddress(b));
                case 10 -> new KeyRequest(b.getInt(), b.getInt());
                case 11 -> {
                    Key k = new Key(b.getInt(), b.getInt());
                    b.get(new byte[KEY_BYTES]);
                    yield k;
                }
                default -> throw new MalformedFrameException("unknown streaming message type " + type);
            };
            if (b.hasRemaining()) {
                throw new MalformedFrameException(TYPES.get(type) + " has " + b.remaining() + " bytes too many");
            }
            return m;
        } catch (java.nio.BufferUnderflowException e) {
            throw new MalformedFrameException("streaming " + TYPES.get(type) + " frame is too short");
        }
    }

    private static void putAddress(ByteBuffer b, Address a) {
        b.put(a.ipv4()).putShort((short) a.port());
    }

    private static Address getAddress(ByteBuffer b) {
        byte[] ip = new byte[4];
        b.get(ip);
        return Address.ofIpv4(ip, b.getShort() & 0xffff);
    }
}
