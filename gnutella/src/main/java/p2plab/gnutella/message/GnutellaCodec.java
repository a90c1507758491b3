package p2plab.gnutella.message;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.WireFormat;

/**
 * The Gnutella 0.6 wire format: text frames first (handshake or HTTP-style download), then
 * binary descriptors with the 23-byte header:
 *
 * <pre>
 *   offset  0..15  GUID
 *          16      payload type (0x00 Ping, 0x01 Pong, 0x02 Bye, 0x80 Query, 0x81 QueryHit)
 *          17      TTL
 *          18      hops
 *          19..22  payload length, u32 little-endian
 *          23..    payload ({@link PayloadCodec})
 *
 *   A Query "love", TTL 7, hops 0:
 *   &lt;16-byte GUID&gt; 80 07 00 07 00 00 00  00 00 6c 6f 76 65 00
 * </pre>
 *
 * Stateless: the per-connection state lives in the {@link GnutellaDecoder} it hands out.
 */
public final class GnutellaCodec implements WireFormat<GnutellaMessage> {
    /** Largest descriptor payload accepted; bigger ones are rejected before being buffered. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** Largest download body accepted in one response. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    public static final int PING = 0;
    public static final int PONG = 1;
    public static final int BYE = 2;
    public static final int QUERY = 3;
    public static final int QUERY_HIT = 4;
    public static final int HANDSHAKE = 5;
    public static final int GET = 6;
    public static final int RESPONSE = 7;
    private static final List<String> TYPES =
            List.of("Ping", "Pong", "Bye", "Query", "QueryHit", "Handshake", "Get", "Response");

    @Override
    public String overlay() {
        return "gnutella";
    }

    @Override
    public List<String> messageTypes() {
        return TYPES;
    }

    @Override
    public int typeOf(GnutellaMessage message) {
        if (message instanceof Descriptor d) {
            return switch (d.payload().typeCode()) {
                case Ping.TYPE -> PING;
                case Pong.TYPE -> PONG;
                case Bye.TYPE -> BYE;
                case Query.TYPE -> QUERY;
                default -> QUERY_HIT;
            };
        } else if (message instanceof Handshake) {
            return HANDSHAKE;
        } else if (message instanceof GetRequest) {
            return GET;
        }
        return RESPONSE;
    }

    /** A query's GUID, so that the transport adds its Query and QueryHit messages to the search's tally. */
    @Override
    public Object traceKey(GnutellaMessage message) {
        if (message instanceof Descriptor d && (d.payload() instanceof Query || d.payload() instanceof QueryHit)) {
            return d.guid();
        }
        return null;
    }

    @Override
    public int sizeOf(GnutellaMessage message) {
        if (message instanceof Descriptor d) {
            return d.wireSize();
        } else if (message instanceof Handshake h) {
            return h.wireSize();
        }
        return encode(message).length;
    }

    @Override
    public byte[] encode(GnutellaMessage message) {
        if (message instanceof Descriptor d) {
            int size = d.payload().size();
            if (size > MAX_PAYLOAD_BYTES) {
                throw new IllegalArgumentException("a " + PayloadCodec.name(d.payload().typeCode()) + " payload of " + size
                        + " bytes exceeds the limit of " + MAX_PAYLOAD_BYTES);
            }
            ByteBuffer out = ByteBuffer.allocate(Descriptor.HEADER_BYTES + size).order(ByteOrder.LITTLE_ENDIAN);
            d.guid().write(out);
            out.put((byte) d.payload().typeCode()).put((byte) d.ttl()).put((byte) d.hops()).putInt(size);
            PayloadCodec.encode(d.payload(), out);
            return out.array();
        } else if (message instanceof Handshake h) {
            return TextFrames.head(h.startLine(), h.headers());
        } else if (message instanceof GetRequest g) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("User-Agent", "p2plab");
            headers.put("Range", "bytes=" + g.first() + "-" + g.last());
            return TextFrames.head("GET " + g.target() + " HTTP/1.1", headers);
        }
        GetResponse r = (GetResponse) message;
        if (r.body().length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("a response body of " + r.body().length + " bytes exceeds the limit of "
                    + MAX_BODY_BYTES);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (r.ok()) {
            headers.put("Content-Range", "bytes " + r.first() + "-" + (r.first() + r.body().length - 1) + "/" + r.total());
        }
        headers.put("Content-Length", Integer.toString(r.body().length));
        byte[] head = TextFrames.head("HTTP/1.1 " + r.status() + " " + r.reason(), headers);
        byte[] frame = new byte[head.length + r.body().length];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(r.body(), 0, frame, head.length, r.body().length);
        return frame;
    }

    @Override
    public FrameDecoder<GnutellaMessage> newDecoder() {
        return new GnutellaDecoder();
    }
}
