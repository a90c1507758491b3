package p2plab.common.transport;

/**
 * The rules both drivers apply to a datagram before it leaves, so that the simulator and real
 * UDP refuse the same things with the same words.
 */
public final class Datagrams {
    /** The most a UDP datagram over IPv4 can carry: 65,535 minus the IP (20) and UDP (8) headers. */
    public static final int MAX_UDP_PAYLOAD = 65_507;

    private Datagrams() {
    }

    /**
     * Checks that {@code node}'s overlay sends datagrams at all and that {@code bytes} fit its limit.
     *
     * @throws IllegalStateException    when the overlay's format allows no datagrams
     * @throws IllegalArgumentException when the datagram is too large
     */
    public static void checkSendable(WireFormat<?> format, String label, int bytes) {
        int limit = format.maxDatagramBytes();
        if (limit <= 0) {
            throw new IllegalStateException(label + " cannot send a datagram: the " + format.overlay()
                    + " format allows none (its maxDatagramBytes() is 0)");
        }
        if (bytes > limit) {
            throw new IllegalArgumentException(label + " cannot send a datagram of " + bytes + " bytes: the "
                    + format.overlay() + " limit is " + limit + " bytes; send less in one datagram");
        }
    }

    /** The format's limit, checked against what UDP can carry at all. */
    public static int limitOf(WireFormat<?> format) {
        int limit = format.maxDatagramBytes();
        if (limit > MAX_UDP_PAYLOAD) {
            throw new IllegalArgumentException(format.overlay() + " asks for datagrams of " + limit
                    + " bytes; UDP carries at most " + MAX_UDP_PAYLOAD);
        }
        return limit;
    }
}
