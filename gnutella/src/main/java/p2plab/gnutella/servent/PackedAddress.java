package p2plab.gnutella.servent;

import p2plab.common.transport.Address;

/**
 * An IPv4 address and port in one {@code long} (address in bits 16..47, port in bits 0..15), so a
 * servent can remember dozens of hosts without an {@link Address}, its host string and that
 * string's bytes for each. Only hosts written the usual way, {@code a.b.c.d} without leading
 * zeros, are packed: two such addresses are equal exactly when their numbers are.
 */
final class PackedAddress {
    /** What {@link #of} gives for an address it does not pack; never a packed address. */
    static final long UNPACKED = -1;

    private PackedAddress() {
    }

    /** {@code address} as a number, or {@link #UNPACKED} when its host is not a dotted quad written without leading zeros. */
    static long of(Address address) {
        long ip = ip(address.host(), 0, address.host().length());
        return ip < 0 ? UNPACKED : ip << 16 | address.port();
    }

    /**
     * {@code text[start, end)} read as {@code a.b.c.d:port} and packed, or {@link #UNPACKED} when it
     * is not written exactly so (a port of one to five digits, at most 65535), without making a
     * string: for such text it gives what {@code of(Address.parse(text))} gives, and for any other
     * the caller parses it the slow way.
     */
    static long parse(String text, int start, int end) {
        int colon = text.lastIndexOf(':', end - 1);
        if (colon < start || colon == end - 1 || end - colon - 1 > 5) {
            return UNPACKED;
        }
        int port = 0;
        for (int i = colon + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return UNPACKED;
            }
            port = port * 10 + (c - '0');
        }
        long ip = ip(text, start, colon);
        return ip < 0 || port > 65535 ? UNPACKED : ip << 16 | port;
    }

    /** The dotted quad {@code text[start, end)} as a 32-bit number, or -1 when it is not one written without leading zeros. */
    private static long ip(String text, int start, int end) {
        long ip = 0;
        int parts = 0;
        int value = 0;
        int digits = 0;
        for (int i = start; i <= end; i++) {
            char c = i < end ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9' && digits < 3 && !(digits == 1 && value == 0)) {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && value <= 255 && parts < 4) {
                ip = ip << 8 | value;
                parts++;
                value = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        return parts == 4 ? ip : -1;
    }

    /** The address {@link #of} packed into {@code packed}. */
    static Address address(long packed) {
        long ip = packed >>> 16;
        return new Address((ip >>> 24 & 0xff) + "." + (ip >>> 16 & 0xff) + "." + (ip >>> 8 & 0xff) + "." + (ip & 0xff),
                (int) (packed & 0xffff));
    }
}
