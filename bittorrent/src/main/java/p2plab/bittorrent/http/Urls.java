package p2plab.bittorrent.http;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percent-encoding of raw bytes (info hashes, peer ids) and query-string parsing. */
public final class Urls {
    private static final String HEX = "0123456789ABCDEF";

    private Urls() {
    }

    /** Every byte but the unreserved ones as %XX. */
    public static String encode(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return sb.toString();
    }

    public static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    String escape = text.substring(i, Math.min(text.length(), i + 3));
                    throw new IllegalArgumentException("bad %-escape '" + escape + "' at position " + i
                            + ": % must be followed by two hex digits");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** Query parameters; a repeated name (scrape's info_hash) keeps every value. */
    public static Map<String, List<byte[]>> query(String query) {
        Map<String, List<byte[]>> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            byte[] value = eq < 0 ? new byte[0] : decode(pair.substring(eq + 1));
            params.computeIfAbsent(new String(decode(name), java.nio.charset.StandardCharsets.UTF_8), k -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
