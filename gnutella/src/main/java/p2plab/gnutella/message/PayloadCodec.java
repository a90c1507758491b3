package p2plab.gnutella.message;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import p2plab.common.transport.Address;
import p2plab.common.transport.MalformedFrameException;

/**
 * Gnutella 0.6 payloads; integers little-endian, IPv4 addresses in network order.
 *
 * <pre>
 *   Ping      (empty)
 *   Pong      port u16 | ip 4 | files u32 | kilobytes u32                  (14 bytes)
 *   Bye       code u16 | reason\0
 *   Query     min speed u16 | search text\0
 *   QueryHit  count u8 | port u16 | ip 4 | speed u32
 *             | count x (index u32 | size u32 | name\0 | extension\0) | servent id 16
 *
 *   Pong for 127.0.0.1:6346 sharing 3 files, 120 KB:
 *   ca 18  7f 00 00 01  03 00 00 00  78 00 00 00
 * </pre>
 */
final class PayloadCodec {

    private PayloadCodec() {
    }

    static void encode(Payload p, ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        if (p instanceof Pong pong) {
            putAddress(out, pong.address());
            out.putInt((int) pong.files()).putInt((int) pong.kilobytes());
        } else if (p instanceof Bye bye) {
            out.putShort((short) bye.code());
            putText(out, bye.reason());
        } else if (p instanceof Query q) {
            out.putShort((short) q.minSpeed());
            putText(out, q.text());
        } else if (p instanceof QueryHit hit) {
            out.put((byte) hit.results().size());
            putAddress(out, hit.address());
            out.putInt((int) hit.speed());
            for (QueryHit.Result r : hit.results()) {
                out.putInt((int) r.index()).putInt((int) r.size());
                putText(out, r.name());
                putText(out, r.extension());
            }
            hit.serventId().write(out);
        }
    }

    /** Decodes a payload of type {@code type} that fills {@code in} exactly. */
    static Payload decode(int type, ByteBuffer in) throws MalformedFrameException {
        in.order(ByteOrder.LITTLE_ENDIAN);
        try {
            Payload p = switch (type) {
                case Ping.TYPE -> Ping.INSTANCE;
                case Pong.TYPE -> {
                    if (in.remaining() != Pong.SIZE) {
                        throw new MalformedFrameException("a Pong payload is 14 bytes, got " + in.remaining());
                    }
                    Address a = getAddress(in);
                    yield new Pong(a, Integer.toUnsignedLong(in.getInt()), Integer.toUnsignedLong(in.getInt()));
                }
                case Bye.TYPE -> new Bye(Short.toUnsignedInt(in.getShort()), getText(in, "Bye reason"));
                case Query.TYPE -> {
                    Query q = new Query(Short.toUnsignedInt(in.getShort()), getText(in, "search text"));
                    in.position(in.limit()); // extension blocks after the NUL (HUGE, GGEP) are ignored
                    yield q;
                }
                case QueryHit.TYPE -> decodeHit(in);
                default -> throw new MalformedFrameException(String.format("unknown payload type 0x%02x", type));
            };
            if (in.hasRemaining()) {
                throw new MalformedFrameException(in.remaining() + " stray bytes after a " + name(type) + " payload");
            }
            return p;
        } catch (java.nio.BufferUnderflowException e) {
            throw new MalformedFrameException("a " + name(type) + " payload is truncated");
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("bad " + name(type) + " payload: " + e.getMessage());
        }
    }

    private static QueryHit decodeHit(ByteBuffer in) throws MalformedFrameException {
        int count = Byte.toUnsignedInt(in.get());
        if (count == 0) {
            throw new MalformedFrameException("a QueryHit with no results");
        }
        Address address = getAddress(in);
        long speed = Integer.toUnsignedLong(in.getInt());
        List<QueryHit.Result> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long index = Integer.toUnsignedLong(in.getInt());
            long size = Integer.toUnsignedLong(in.getInt());
            results.add(new QueryHit.Result(index, size, getText(in, "file name"), getText(in, "extension")));
        }
        if (in.remaining() != Guid.BYTES) {
            throw new MalformedFrameException("a QueryHit must end with the 16-byte servent id, "
                    + in.remaining() + " bytes are left");
        }
        return new QueryHit(address, speed, results, Guid.read(in));
    }

    static String name(int type) {
        return switch (type) {
            case Ping.TYPE -> "Ping";
            case Pong.TYPE -> "Pong";
            case Bye.TYPE -> "Bye";
            case Query.TYPE -> "Query";
            case QueryHit.TYPE -> "QueryHit";
            default -> String.format("0x%02x", type);
        };
    }

    static boolean known(int type) {
        return type == Ping.TYPE || type == Pong.TYPE || type == Bye.TYPE || type == Query.TYPE || type == QueryHit.TYPE;
    }

    private static void putAddress(ByteBuffer out, Address a) {
        out.putShort((short) a.port());
        out.put(a.ipv4());
    }

    private static Address getAddress(ByteBuffer in) {
        int port = Short.toUnsignedInt(in.getShort());
        byte[] ip = new byte[4];
        in.get(ip);
        return Address.ofIpv4(ip, port);
    }

    private static void putText(ByteBuffer out, String s) {
        out.put(s.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
    }

    private static String getText(ByteBuffer in, String what) throws MalformedFrameException {
        int start = in.position();
        for (int i = start; i < in.limit(); i++) {
            if (in.get(i) == 0) {
                byte[] b = new byte[i - start];
                in.get(b);
                in.get(); // the NUL
                return new String(b, StandardCharsets.UTF_8);
            }
        }
        throw new MalformedFrameException("the " + what + " is not NUL-terminated");
    }
}
