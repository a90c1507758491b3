package p2plab.gnutella.message;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A download request, sent to the responding servent on a connection of its own:
 * {@code GET /get/<index>/<name> HTTP/1.1} with {@code Range: bytes=<first>-<last>} (inclusive).
 */
public record GetRequest(long index, String name, long first, long last) implements GnutellaMessage {

    public GetRequest {
        if (index < 0 || name == null || name.isEmpty() || first < 0 || last < first) {
            throw new IllegalArgumentException("GET needs index >= 0, a name and a range first <= last, got "
                    + index + " '" + name + "' " + first + "-" + last);
        }
    }

    public long length() {
        return last - first + 1;
    }

    /** The request target, the name percent-encoded ({@code /get/3/blue%20moon.mp3}). */
    public String target() {
        return "/get/" + index + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String decodeName(String encoded) {
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
