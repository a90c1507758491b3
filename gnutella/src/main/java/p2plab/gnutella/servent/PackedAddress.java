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
        String host = address.host();
        long ip = 0;
        int parts = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= host.length(); i++) {
            char c = i < host.length() ? host.charAt(i) : '.';
            if (c >= '0' && c <= '9' && digits < 3 && !(digits == 1 && value == 0)) {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && value <= 255 && parts < 4) {
                ip = ip << 8 | value;
                parts++;
                value = 0;
                digits = 0;
            } else {
                return UNPACKED;
            }
        }
        return parts == 4 ? ip << 16 | address.port() : UNPACKED;
    }

    /** The address {@link #of} packed into {@code packed}. */
    static Address address(long packed) {
        long ip = packed >>> 16;
        return new Address((ip >>> 24 & 0xff) + "." + (ip >>> 16 & 0xff) + "." + (ip >>> 8 & 0xff) + "." + (ip & 0xff),
                (int) (packed & 0xffff));
    }
}
