package p2plab.common.overlay.tiny;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import p2plab.common.transport.LengthPrefixedFormat;
import p2plab.common.transport.MalformedFrameException;

/**
 * The tiny overlay's wire format on {@link LengthPrefixedFormat}: a type byte, then fields.
 * Strings are a u16 length and UTF-8 bytes.
 */
final class TinyFormat extends LengthPrefixedFormat<TinyMessage> {
    private static final List<String> TYPES = List.of("Query", "Hit", "Get", "Data");

    TinyFormat() {
        super(16 << 20);
    }

    @Override
    public String overlay() {
        return "tiny";
    }

    @Override
    public List<String> messageTypes() {
        return TYPES;
    }

    @Override
    public int typeOf(TinyMessage m) {
        if (m instanceof TinyMessage.Query) {
            return 0;
        } else if (m instanceof TinyMessage.Hit) {
            return 1;
        } else if (m instanceof TinyMessage.Get) {
            return 2;
        }
        return 3;
    }

    @Override
    public Object traceKey(TinyMessage m) {
        if (m instanceof TinyMessage.Query q) {
            return q.id();
        } else if (m instanceof TinyMessage.Hit h) {
            return h.id();
        }
        return null;
    }

    @Override
    protected byte[] encodeBody(TinyMessage m) {
        ByteBuffer b = ByteBuffer.allocate(1024 + (m instanceof TinyMessage.Data d ? d.bytes().length : 0));
        b.put((byte) typeOf(m));
        if (m instanceof TinyMessage.Query q) {
            b.putLong(q.id()).put((byte) q.ttl()).put((byte) q.hops());
            putString(b, q.text());
        } else if (m instanceof TinyMessage.Hit h) {
            b.putLong(h.id()).put((byte) h.hops()).putInt(h.holder());
            putString(b, h.host());
            b.putShort((short) h.port());
            putString(b, h.contentId());
            putString(b, h.name());
            b.putLong(h.size());
        } else if (m instanceof TinyMessage.Get g) {
            putString(b, g.contentId());
        } else if (m instanceof TinyMessage.Data d) {
            putString(b, d.contentId());
            b.putInt(d.bytes().length).put(d.bytes());
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    @Override
    protected TinyMessage decodeBody(ByteBuffer b) throws MalformedFrameException {
        try {
            int type = b.get();
            return switch (type) {
                case 0 -> new TinyMessage.Query(b.getLong(), b.get(), b.get(), getString(b));
                case 1 -> new TinyMessage.Hit(b.getLong(), b.get(), b.getInt(), getString(b), b.getShort() & 0xffff,
                        getString(b), getString(b), b.getLong());
                case 2 -> new TinyMessage.Get(getString(b));
                case 3 -> {
                    String id = getString(b);
                    byte[] bytes = new byte[b.getInt()];
                    b.get(bytes);
                    yield new TinyMessage.Data(id, bytes);
                }
                default -> throw new MalformedFrameException("unknown tiny message type " + type);
            };
        } catch (RuntimeException e) {
            throw new MalformedFrameException("truncated tiny message", e);
        }
    }

    private static void putString(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.putShort((short) bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer b) {
        byte[] bytes = new byte[b.getShort() & 0xffff];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
