package p2plab.gnutella.servent;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
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

    /**
     * The addresses of an {@code X-Try} value, in order, unreadable entries skipped: each written
     * {@code a.b.c.d:port} goes to {@code packed} as {@link PackedAddress} packs it, without
     * making an {@link Address} (a million servents read a few each while they are wired), any
     * other readable one to {@code other}.
     */
    static void readTry(String value, LongConsumer packed, Consumer<Address> other) {
        if (value == null) {
            return;
        }
        for (int start = 0; start <= value.length(); ) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            int from = start;
            int to = end;
            while (from < to && value.charAt(from) <= ' ') { // as String.trim
                from++;
            }
            while (to > from && value.charAt(to - 1) <= ' ') {
                to--;
            }
            long p = PackedAddress.parse(value, from, to);
            if (p != PackedAddress.UNPACKED) {
                packed.accept(p);
            } else {
                Address a = address(value.substring(from, to));
                if (a != null) {
                    other.accept(a);
                }
            }
            start = end + 1;
        }
    }

    /** Whether {@code text} is {@code address} written {@code host:port}, read without making a string. */
    static boolean names(String text, Address address) {
        String host = address.host();
        if (text == null || !text.startsWith(host) || text.length() <= host.length() + 1 || text.charAt(host.length()) != ':') {
            return false;
        }
        int port = 0;
        for (int i = host.length() + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '1' && !(c == '0' && port > 0) || c > '9' || port > 65535) {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port == address.port();
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
