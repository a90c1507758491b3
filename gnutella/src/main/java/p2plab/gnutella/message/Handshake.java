package p2plab.gnutella.message;

import java.util.Map;
import p2plab.common.transport.Utf8;

/**
 * One step of the Gnutella 0.6 connect handshake: a start line and headers.
 *
 * <pre>
 *   client: GNUTELLA CONNECT/0.6      server: GNUTELLA/0.6 200 OK     client: GNUTELLA/0.6 200 OK
 *           User-Agent: p2plab                User-Agent: p2plab
 *           (blank line)                      (blank line)                    (blank line)
 * </pre>
 * A server that is full answers {@code GNUTELLA/0.6 503 ...} and both sides close.
 */
public record Handshake(String startLine, Map<String, String> headers) implements GnutellaMessage {
    public static final String CONNECT_LINE = "GNUTELLA CONNECT/0.6";
    public static final String RESPONSE_PREFIX = "GNUTELLA/0.6 ";

    public Handshake {
        if (startLine == null || !(startLine.equals(CONNECT_LINE) || startLine.startsWith(RESPONSE_PREFIX))) {
            throw new IllegalArgumentException("a handshake line is '" + CONNECT_LINE + "' or '" + RESPONSE_PREFIX
                    + "<code> <reason>', got '" + startLine + "'");
        }
        headers = Headers.copyOf(headers); // read-only, checked, in the order given
    }

    /**
     * Headers from name, value, name, value... in that order: what {@link #connect}, {@link #ok}
     * and {@link #refuse} take without copying them again.
     */
    public static Map<String, String> headers(String... namesAndValues) {
        return Headers.of(namesAndValues);
    }

    public static Handshake connect(Map<String, String> headers) {
        return new Handshake(CONNECT_LINE, headers);
    }

    public static Handshake ok(Map<String, String> headers) {
        return new Handshake(RESPONSE_PREFIX + "200 OK", headers);
    }

    public static Handshake refuse(int code, String reason, Map<String, String> headers) {
        return new Handshake(RESPONSE_PREFIX + code + " " + reason, headers);
    }

    public boolean isConnect() {
        return startLine.equals(CONNECT_LINE);
    }

    /** The status code of a response (200, 503...); -1 for the CONNECT line or an unreadable code. */
    public int status() {
        if (isConnect()) {
            return -1;
        }
        int end = startLine.indexOf(' ', RESPONSE_PREFIX.length());
        end = end < 0 ? startLine.length() : end;
        if (end == RESPONSE_PREFIX.length() || end - RESPONSE_PREFIX.length() > 9) {
            return -1;
        }
        int code = 0;
        for (int i = RESPONSE_PREFIX.length(); i < end; i++) {
            char c = startLine.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        return code;
    }

    public boolean accepted() {
        return status() == 200;
    }

    /** A header value by case-insensitive name, or null. */
    public String header(String name) {
        return ((Headers) headers).valueOf(name);
    }

    /** Bytes on the wire, counted without encoding: start line, header lines, blank line. */
    public int wireSize() {
        return Utf8.length(startLine) + 2 + ((Headers) headers).wireBytes() + 2;
    }
}
