package p2plab.gnutella.servent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import p2plab.common.transport.Address;

/**
 * The 0.6 handshake headers this servent sends and reads: who it is ({@code User-Agent}), where it
 * listens ({@code Listen-IP}, since an inbound socket shows only an ephemeral port), that it is
 * no ultrapeer, and {@code X-Try}: a few other servents to connect to.
 */
final class HandshakeHeaders {
    static final String USER_AGENT = "p2plab-gnutella/0.1";
    static final int TRY_ADDRESSES = 5;

    private HandshakeHeaders() {
    }

    static Map<String, String> mine(Address listening) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", USER_AGENT);
        h.put("Listen-IP", listening.toString());
        h.put("X-Ultrapeer", "False");
        return h;
    }

    /** {@code X-Try} with up to five of {@code addresses}; empty when there are none. */
    static Map<String, String> tryList(List<Address> addresses) {
        List<String> out = new ArrayList<>();
        for (Address a : addresses) {
            if (out.size() == TRY_ADDRESSES) {
                break;
            }
            out.add(a.toString());
        }
        return out.isEmpty() ? Map.of() : Map.of("X-Try", String.join(",", out));
    }

    /** The addresses of an {@code X-Try} value, unreadable entries skipped. */
    static List<Address> parseTry(String value) {
        List<Address> out = new ArrayList<>();
        if (value != null) {
            for (String s : value.split(",")) {
                Address a = address(s.trim());
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** An IPv4 {@code host:port}, or null when {@code text} is missing or not one. */
    static Address address(String text) {
        try {
            Address a = text == null ? null : Address.parse(text);
            if (a != null) {
                a.ipv4();
            }
            return a;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
