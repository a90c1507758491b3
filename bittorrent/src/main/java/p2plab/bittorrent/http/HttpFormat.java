package p2plab.bittorrent.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import p2plab.common.transport.FrameDecoder;
import p2plab.common.transport.MalformedFrameException;
import p2plab.common.transport.WireFormat;

/**
 * A minimal HTTP/1.1 codec, enough for tracker announces over the shared transport.
 *
 * <pre>
 *   GET /announce?info_hash=%12... HTTP/1.1\r\n        HTTP/1.1 200 OK\r\n
 *   Host: 127.0.0.1:6969\r\n                             Content-Length: 42\r\n
 *   \r\n                                                  \r\n
 *                                                         d8:intervali1800e5:peers0:e
 * </pre>
 *
 * A server's decoder reads requests, a client's reads responses; both encode either kind. Bodies
 * need a {@code Content-Length} (no chunked encoding); header blocks over {@link #MAX_HEAD} bytes
 * and bodies over {@link #MAX_BODY} bytes ({@link #MAX_REQUEST_BODY} in a request) are refused. A server's decoder turns a request it
 * refuses into {@link HttpMessage.Refused}, so the server can answer with a status before closing.
 */
public final class HttpFormat implements WireFormat<HttpMessage> {
    public static final int MAX_HEAD = 16 * 1024;
    public static final int MAX_BODY = 4 * 1024 * 1024;
    /**
     * Largest request body a server takes: a tracker's requests are GETs, so a body is never
     * needed, and each connection could otherwise make the tracker buffer {@link #MAX_BODY}.
     */
    public static final int MAX_REQUEST_BODY = 64 * 1024;

    private final boolean server;

    private HttpFormat(boolean server) {
        this.server = server;
    }

    /** For a server: decodes requests. */
    public static HttpFormat server() {
        return new HttpFormat(true);
    }

    /** For a client: decodes responses. */
    public static HttpFormat client() {
        return new HttpFormat(false);
    }

    @Override
    public String overlay() {
        return "bittorrent";
    }

    @Override
    public List<String> messageTypes() {
        return List.of("http request", "http response", "refused http request");
    }

    @Override
    public int typeOf(HttpMessage message) {
        return message instanceof HttpMessage.Request ? 0 : message instanceof HttpMessage.Response ? 1 : 2;
    }

    @Override
    public byte[] encode(HttpMessage m) {
        if (m instanceof HttpMessage.Refused) {
            throw new IllegalArgumentException("a refused request is answered, never sent");
        }
        StringBuilder head = new StringBuilder();
        if (m instanceof HttpMessage.Request r) {
            head.append(r.method()).append(' ').append(r.target()).append(" HTTP/1.1\r\n");
        } else {
            HttpMessage.Response r = (HttpMessage.Response) m;
            head.append("HTTP/1.1 ").append(r.status()).append(' ').append(r.reason()).append("\r\n");
        }
        for (Map.Entry<String, String> h : m.headers().entrySet()) {
            if (!h.getKey().equals("content-length")) {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
        }
        if (m instanceof HttpMessage.Response || m.body().length > 0) {
            head.append("content-length: ").append(m.body().length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(m.body());
        return out.toByteArray();
    }

    /** Header that ties a request and its reply to one search, for the transport's tallies. */
    public static final String TRACE_HEADER = "x-p2plab-trace";

    @Override
    public Object traceKey(HttpMessage message) {
        String t = message.headers().get(TRACE_HEADER);
        return t == null ? null : "bittorrent-http:" + t;
    }

    @Override
    public FrameDecoder<HttpMessage> newDecoder() {
        return server ? new RequestDecoder() : this::decodeResponse;
    }

    /** Longest request line (method, URL, version) a server takes; a longer one is answered 414. */
    public static final int MAX_REQUEST_LINE = 8 * 1024;

    /**
     * A server's decoder. A request it cannot take becomes one {@link HttpMessage.Refused} with the
     * status to answer (400, 411, 414, 431); everything after it is discarded, since the stream
     * cannot be resynchronised.
     */
    private static final class RequestDecoder implements FrameDecoder<HttpMessage> {
        private boolean refused;

        @Override
        public HttpMessage decode(ByteBuffer in) {
            if (refused) {
                return null; // nothing more is read: the tracker answers the refusal and closes
            }
            HttpMessage m = read(in);
            if (m instanceof HttpMessage.Refused) {
                refused = true;
                in.position(in.limit());
            }
            return m;
        }

        private static HttpMessage read(ByteBuffer in) {
            int end = headEnd(in);
            // The same verdict whether the head arrives at once or in pieces: without its blank
            // line in the first MAX_HEAD + 4 bytes, the head is too long either way.
            if (end < 0) {
                int lineEnd = indexOfCrlf(in);
                if (lineEnd < 0 && in.remaining() > MAX_REQUEST_LINE) {
                    return new HttpMessage.Refused(414, "URI Too Long", "request line longer than " + MAX_REQUEST_LINE + " bytes");
                }
            }
            if (end < 0 ? in.remaining() >= MAX_HEAD + 4 : end - in.position() > MAX_HEAD) {
                return new HttpMessage.Refused(431, "Request Header Fields Too Large", "header block longer than " + MAX_HEAD + " bytes");
            }
            if (end < 0) {
                return null;
            }
            String[] lines = headLines(in, end);
            if (lines[0].length() > MAX_REQUEST_LINE) {
                return new HttpMessage.Refused(414, "URI Too Long", "request line longer than " + MAX_REQUEST_LINE + " bytes");
            }
            String[] first = lines[0].split(" ", -1);
            if (first.length != 3 || first[0].isEmpty() || !first[1].startsWith("/") || !first[2].matches("HTTP/1\\.[01]")) {
                return new HttpMessage.Refused(400, "Bad Request", "not an HTTP request line");
            }
            Map<String, String> headers = headers(lines);
            if (headers == null) {
                return new HttpMessage.Refused(400, "Bad Request", "malformed header line");
            }
            if (headers.containsKey("transfer-encoding")) {
                return new HttpMessage.Refused(411, "Length Required", "send the body with a Content-Length, not chunked");
            }
            int length = 0;
            if (headers.containsKey("content-length")) {
                String v = headers.get("content-length");
                if (!v.matches("[0-9]{1,10}") || Long.parseLong(v) > MAX_REQUEST_BODY) {
                    return new HttpMessage.Refused(400, "Bad Request", "Content-Length must be a number of bytes from 0 to " + MAX_REQUEST_BODY);
                }
                length = Integer.parseInt(v);
            }
            byte[] body = body(in, end, length);
            return body == null ? null : new HttpMessage.Request(first[0], first[1], headers, body);
        }
    }

    private HttpMessage decodeResponse(ByteBuffer in) throws MalformedFrameException {
        int end = headEnd(in);
        // The same verdict whether the head arrives at once or in pieces (see the request decoder).
        if (end < 0 ? in.remaining() >= MAX_HEAD + 4 : end - in.position() > MAX_HEAD) {
            throw new MalformedFrameException("HTTP header block longer than " + MAX_HEAD + " bytes");
        }
        if (end < 0) {
            return null;
        }
        String[] lines = headLines(in, end);
        Map<String, String> headers = headers(lines);
        if (headers == null) {
            throw new MalformedFrameException("bad HTTP header line in the reply");
        }
        int length = 0;
        if (headers.containsKey("content-length")) {
            try {
                length = Integer.parseInt(headers.get("content-length"));
            } catch (NumberFormatException e) {
                throw new MalformedFrameException("bad Content-Length: " + headers.get("content-length"));
            }
            if (length < 0 || length > MAX_BODY) {
                throw new MalformedFrameException("HTTP body of " + length + " bytes exceeds the limit of " + MAX_BODY);
            }
        } else if (headers.containsKey("transfer-encoding")) {
            throw new MalformedFrameException("chunked HTTP bodies are not supported");
        }
        byte[] body = body(in, end, length);
        if (body == null) {
            return null;
        }
        String[] first = lines[0].split(" ", 3);
        if (first.length < 2 || !first[0].startsWith("HTTP/")) {
            throw new MalformedFrameException("not an HTTP status line: " + lines[0]);
        }
        try {
            return new HttpMessage.Response(Integer.parseInt(first[1]), first.length > 2 ? first[2] : "", headers, body);
        } catch (NumberFormatException e) {
            throw new MalformedFrameException("bad HTTP status: " + lines[0]);
        }
    }

    /** The body after the head ending at {@code end}, consuming the message; null while incomplete. */
    private static byte[] body(ByteBuffer in, int end, int length) {
        int bodyStart = end + 4;
        if (in.limit() - bodyStart < length) {
            return null;
        }
        byte[] body = new byte[length];
        in.get(bodyStart, body);
        in.position(bodyStart + length);
        return body;
    }

    private static String[] headLines(ByteBuffer in, int end) {
        byte[] headBytes = new byte[end - in.position()];
        in.get(in.position(), headBytes);
        return new String(headBytes, StandardCharsets.ISO_8859_1).split("\r\n");
    }

    /** Header names lower-cased; null when a line is not {@code name: value}. */
    private static Map<String, String> headers(String[] lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                return null;
            }
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return headers;
    }

    private static int indexOfCrlf(ByteBuffer in) {
        for (int i = in.position(); i + 1 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Index of the blank line's "\r\n\r\n", or -1. */
    private static int headEnd(ByteBuffer in) {
        for (int i = in.position(); i + 3 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
