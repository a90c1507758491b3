package p2plab.gnutella.servent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import p2plab.common.transport.Address;
import p2plab.gnutella.message.Handshake;

/**
 * The 0.6 handshake headers this servent sends and reads: who it is ({@code User-Agent}), where it
 * listens ({@code Listen-IP}, since an inbound socket shows only an ephemeral port), that it is
 * no ultrapeer, and {@code X-Try}: a few other servents to connect to.
 */
final class HandshakeHeaders {
    static final String USER_AGENT = "p2plab-gnutella/0.1";
    static final int TRY_ADDRESSES = 5;
    /** What the opener sends with its final 200 OK. */
    static final Map<String, String> CONFIRM = Handshake.headers("User-Agent", USER_AGENT);

    private HandshakeHeaders() {
    }

    /** What a servent says of itself when it opens a connection. */
    static Map<String, String> mine(Address listening) {
        return Handshake.headers("User-Agent", USER_AGENT, "Listen-IP", listening.toString(), "X-Ultrapeer", "False");
    }

    /** What a servent says of itself when it accepts one: {@link #mine} and the {@code X-Try} of {@link #tryList}. */
    static Map<String, String> mineAndTry(Address listening, List<Address> addresses) {
        String tries = tryValue(addresses);
        return tries == null ? mine(listening) : Handshake.headers("User-Agent", USER_AGENT, "Listen-IP", listening.toString(),
                "X-Ultrapeer", "False", "X-Try", tries);
    }

    /** {@code X-Try} with up to five of {@code addresses}; empty when there are none. */
    static Map<String, String> tryList(List<Address> addresses) {
        String tries = tryValue(addresses);
        return tries == null ? Map.of() : Handshake.headers("X-Try", tries);
    }

    private static String tryValue(List<Address> addresses) {
        if (addresses.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < addresses.size() && i < TRY_ADDRESSES; i++) {
            out.append(i == 0 ? "" : ",").append(addresses.get(i).host()).append(':').append(addresses.get(i).port());
        }
        return out.toString();
    }

    /** The addresses of an {@code X-Try} value, unreadable entries skipped. */
    static List<Address> parseTry(String value) {
        List<Address> out = new ArrayList<>();
        if (value != null) {
            for (int start = 0; start <= value.length(); ) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                Address a = address(value.substring(start, end).trim());
                if (a != null) {
                    out.add(a);
                }
                start = end + 1;
            }
        }
        return out;
    }

    /** An IPv4 {@code host:port}, or null when {@code text} is missing or not one. */
    static Address address(String text) {
        try {
            Address a = text == null ? null : Address.parse(text);
            return a != null && a.isIpv4() ? a : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
