package p2plab.bittorrent.wire;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import p2plab.common.bencode.Bencode;
import p2plab.common.bencode.BencodeException;

/**
 * The {@code ut_metadata} extension (BEP 9): the info dictionary of a torrent, fetched from peers
 * in 16 KiB pieces, for clients that start from a magnet link. Its messages travel in BEP 10
 * extended messages under the id the receiver chose in its extended handshake.
 *
 * <pre>
 *   request  d8:msg_typei0e5:piecei0ee
 *   data     d8:msg_typei1e5:piecei0e10:total_sizei34256ee &lt;up to 16 KiB of the info dictionary&gt;
 *   reject   d8:msg_typei2e5:piecei0ee
 * </pre>
 * (BEP 9's own reject example shows msg_type 1; it is 2.) Every piece but the last is exactly
 * {@link #PIECE} bytes. A message type this codec does not know decodes to {@link Unknown}, which
 * BEP 9 says to ignore.
 */
public sealed interface UtMetadata {
    /** The name in the extended handshake's {@code m} dictionary. */
    String NAME = "ut_metadata";
    /** Bytes per metadata piece. */
    int PIECE = 16 * 1024;

    /** "Send me piece {@code piece} of the info dictionary." */
    record Request(int piece) implements UtMetadata {
    }

    /** One piece of the info dictionary, of {@code totalSize} bytes in all. */
    record Data(int piece, long totalSize, byte[] data) implements UtMetadata {
        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && d.piece == piece && d.totalSize == totalSize && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * piece + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Data[" + piece + ", " + data.length + " of " + totalSize + " bytes]";
        }
    }

    /** "I will not send piece {@code piece}" (I lack the metadata, or I have sent you enough). */
    record Reject(int piece) implements UtMetadata {
    }

    /** A message type from a later version: ignored. */
    record Unknown(long msgType) implements UtMetadata {
    }

    static byte[] encode(UtMetadata m) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (m instanceof Request r) {
            d.put("msg_type", 0L);
            d.put("piece", (long) r.piece());
        } else if (m instanceof Data x) {
            d.put("msg_type", 1L);
            d.put("piece", (long) x.piece());
            d.put("total_size", x.totalSize());
        } else if (m instanceof Reject r) {
            d.put("msg_type", 2L);
            d.put("piece", (long) r.piece());
        } else if (m instanceof Unknown u) {
            d.put("msg_type", u.msgType());
        }
        byte[] head = Bencode.encode(d);
        if (!(m instanceof Data x)) {
            return head;
        }
        byte[] all = Arrays.copyOf(head, head.length + x.data().length);
        System.arraycopy(x.data(), 0, all, head.length, x.data().length);
        return all;
    }

    /**
     * Reads one message (the payload of an extended message, after its id byte).
     *
     * @throws IllegalArgumentException saying what is wrong: not a dictionary, a missing or
     *         negative field, a piece over 16 KiB, bytes after a request or reject
     */
    static UtMetadata decode(byte[] payload) {
        Bencode.Prefix p;
        try {
            p = Bencode.decodePrefix(payload, 4);
        } catch (BencodeException e) {
            throw new IllegalArgumentException("bad ut_metadata message: " + e.getMessage(), e);
        }
        if (!(p.value() instanceof Map<?, ?> d)) {
            throw new IllegalArgumentException("bad ut_metadata message: not a dictionary");
        }
        long type = field(d, "msg_type", Long.MAX_VALUE);
        if (type > 2) {
            return new Unknown(type);
        }
        int piece = (int) field(d, "piece", Integer.MAX_VALUE);
        int rest = payload.length - p.length();
        if (type == 1) {
            long total = field(d, "total_size", Long.MAX_VALUE);
            if (rest > PIECE) {
                throw new IllegalArgumentException("ut_metadata piece of " + rest + " bytes is over the " + PIECE + "-byte limit");
            }
            return new Data(piece, total, Arrays.copyOfRange(payload, p.length(), payload.length));
        }
        if (rest != 0) {
            throw new IllegalArgumentException("ut_metadata " + (type == 0 ? "request" : "reject") + " has " + rest
                    + " bytes after its dictionary");
        }
        return type == 0 ? new Request(piece) : new Reject(piece);
    }

    private static long field(Map<?, ?> d, String key, long max) {
        if (!(d.get(key) instanceof Long v)) {
            throw new IllegalArgumentException("bad ut_metadata message: '" + key + "' is missing or not a number");
        }
        if (v < 0 || v > max) {
            throw new IllegalArgumentException("bad ut_metadata message: '" + key + "' is " + v + ", outside 0.." + max);
        }
        return v;
    }
}
