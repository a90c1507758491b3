package p2plab.gnutella.message;

import java.util.LinkedHashMap;
import java.util.Map;

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
        for (Map.Entry<String, String> h : headers.entrySet()) {
            TextFrames.checkHeader(h.getKey(), h.getValue());
        }
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
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
        String rest = startLine.substring(RESPONSE_PREFIX.length());
        int space = rest.indexOf(' ');
        try {
            return Integer.parseInt(space < 0 ? rest : rest.substring(0, space));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean accepted() {
        return status() == 200;
    }

    /** A header value by case-insensitive name, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
