package p2plab.gnutella.message;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.MalformedFrameException;

/**
 * Cuts one connection's bytes into messages. A connection starts in text: its first frame says
 * what it is.
 *
 * <pre>
 *   START --"GNUTELLA CONNECT/0.6"--> CONFIRM --"GNUTELLA/0.6 ..."--> DESCRIPTORS   (we accepted)
 *   START --"GNUTELLA/0.6 ..."------> DESCRIPTORS                                  (we connected)
 *   START --"GET /get/..."----------> REQUESTS   (we serve a download)
 *   START --"HTTP/1.1 ..."----------> RESPONSES  (we download)
 * </pre>
 */
public final class GnutellaDecoder implements FrameDecoder<GnutellaMessage> {

    private enum State { START, CONFIRM, DESCRIPTORS, REQUESTS, RESPONSES }

    private State state = State.START;

    @Override
    public GnutellaMessage decode(ByteBuffer in) throws MalformedFrameException {
        return switch (state) {
            case DESCRIPTORS -> descriptor(in);
            case START -> first(in);
            case CONFIRM -> confirm(in);
            case REQUESTS -> request(in);
            case RESPONSES -> response(in);
        };
    }

    private GnutellaMessage first(ByteBuffer in) throws MalformedFrameException {
        if (!(TextFrames.mayStartWith(in, "GNUTELLA") || TextFrames.mayStartWith(in, "GET ")
                || TextFrames.mayStartWith(in, "HTTP/"))) {
            throw new MalformedFrameException("not a Gnutella connection: it must open with 'GNUTELLA CONNECT/0.6' or 'GET'");
        }
        if (TextFrames.mayStartWith(in, "GET ")) {
            GnutellaMessage m = request(in);
            if (m != null) {
                state = State.REQUESTS;
            }
            return m;
        }
        if (TextFrames.mayStartWith(in, "HTTP/")) {
            GnutellaMessage m = response(in);
            if (m != null) {
                state = State.RESPONSES;
            }
            return m;
        }
        Handshake h = handshake(in);
        if (h != null) {
            state = h.isConnect() ? State.CONFIRM : State.DESCRIPTORS;
        }
        return h;
    }

    private GnutellaMessage confirm(ByteBuffer in) throws MalformedFrameException {
        Handshake h = handshake(in);
        if (h != null) {
            if (h.isConnect()) {
                throw new MalformedFrameException("a second 'GNUTELLA CONNECT/0.6' where the handshake's confirmation was due");
            }
            state = State.DESCRIPTORS;
        }
        return h;
    }

    private static Handshake handshake(ByteBuffer in) throws MalformedFrameException {
        int length = TextFrames.headLength(in);
        if (length < 0) {
            return null;
        }
        TextFrames.Head head = TextFrames.read(in, length);
        try {
            return new Handshake(head.startLine(), head.headers());
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("bad handshake: " + e.getMessage());
        }
    }

    private static GetRequest request(ByteBuffer in) throws MalformedFrameException {
        int length = TextFrames.headLength(in);
        if (length < 0) {
            return null;
        }
        TextFrames.Head head = TextFrames.read(in, length);
        List<String> words = head.words();
        if (words.size() != 3 || !words.get(0).equals("GET") || !words.get(1).startsWith("/get/")) {
            throw new MalformedFrameException("expected 'GET /get/<index>/<name> HTTP/1.1', got '" + head.startLine() + "'");
        }
        String path = words.get(1).substring("/get/".length());
        int slash = path.indexOf('/');
        String range = head.header("Range");
        try {
            long index = Long.parseLong(path.substring(0, slash));
            String name = GetRequest.decodeName(path.substring(slash + 1));
            if (range == null || !range.startsWith("bytes=")) {
                throw new MalformedFrameException("a GET needs 'Range: bytes=<first>-<last>'");
            }
            String[] fl = range.substring("bytes=".length()).split("-");
            return new GetRequest(index, name, Long.parseLong(fl[0]), Long.parseLong(fl[1]));
        } catch (RuntimeException e) {
            throw new MalformedFrameException("bad GET '" + head.startLine() + "' with Range '" + range + "'");
        }
    }

    private static GetResponse response(ByteBuffer in) throws MalformedFrameException {
        int length = TextFrames.headLength(in);
        if (length < 0) {
            return null;
        }
        int start = in.position();
        TextFrames.Head head = TextFrames.read(in, length);
        try {
            List<String> words = head.words();
            if (!words.get(0).startsWith("HTTP/1.")) {
                throw new MalformedFrameException("expected an HTTP/1.1 status line, got '" + head.startLine() + "'");
            }
            int status = Integer.parseInt(words.get(1));
            long bodyLength = Long.parseLong(head.header("Content-Length"));
            if (bodyLength < 0 || bodyLength > GnutellaCodec.MAX_BODY_BYTES) {
                throw new MalformedFrameException("a response body of " + bodyLength + " bytes exceeds the limit of "
                        + GnutellaCodec.MAX_BODY_BYTES);
            }
            if (in.remaining() < bodyLength) {
                in.position(start);
                return null;
            }
            long first = 0;
            long total = 0;
            String range = head.header("Content-Range");
            if (range != null) {
                // "bytes <first>-<last>/<total>"; <last> is <first> - 1 for an empty body, so no split on '-'
                String spec = range.substring("bytes ".length());
                first = Long.parseLong(spec.substring(0, spec.indexOf('-')));
                total = Long.parseLong(spec.substring(spec.lastIndexOf('/') + 1));
            }
            byte[] body = new byte[(int) bodyLength];
            in.get(body);
            return new GetResponse(status, first, total, body);
        } catch (MalformedFrameException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedFrameException("bad HTTP response head '" + head.startLine() + "': " + e.getMessage());
        }
    }

    private static Descriptor descriptor(ByteBuffer in) throws MalformedFrameException {
        if (in.remaining() < Descriptor.HEADER_BYTES) {
            return null;
        }
        int p = in.position();
        int type = Byte.toUnsignedInt(in.get(p + 16));
        if (!PayloadCodec.known(type)) {
            throw new MalformedFrameException(String.format("unknown payload type 0x%02x", type));
        }
        long length = Integer.toUnsignedLong(in.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(p + 19));
        if (length > GnutellaCodec.MAX_PAYLOAD_BYTES) {
            throw new MalformedFrameException("a " + PayloadCodec.name(type) + " payload of " + length
                    + " bytes exceeds the limit of " + GnutellaCodec.MAX_PAYLOAD_BYTES);
        }
        if (in.remaining() < Descriptor.HEADER_BYTES + length) {
            return null;
        }
        Guid guid = Guid.read(in);
        in.get(); // type, read above
        int ttl = Byte.toUnsignedInt(in.get());
        int hops = Byte.toUnsignedInt(in.get());
        in.getInt(); // length, read above
        ByteBuffer payload = in.slice(in.position(), (int) length);
        in.position(in.position() + (int) length);
        return new Descriptor(guid, ttl, hops, PayloadCodec.decode(type, payload));
    }
}
