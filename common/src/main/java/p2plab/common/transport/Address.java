package p2plab.common.transport;

/**
 * Where a peer listens: a host and a port, as plain values.
 *
 * <p>Over TCP this is a real socket address (127.0.0.1 by default). In simulation every node
 * gets a made-up loopback address, so protocols that put addresses on the wire (Gnutella pongs,
 * tracker replies) work unchanged.
 */
public record Address(String host, int port) {

    public Address {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    /** Parses {@code host:port}, as typed by a user. */
    public static Address parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + text + "'");
        }
        try {
            return new Address(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number in '" + text + "'");
        }
    }

    /** The four bytes of a dotted IPv4 host, for protocols that carry addresses in binary. */
    public byte[] ipv4() {
        byte[] bytes = new byte[4];
        if (!readIpv4(bytes)) {
            throw new IllegalArgumentException("not an IPv4 address: " + host);
        }
        return bytes;
    }

    /** True when the host is a dotted IPv4 address ({@link #ipv4()} would succeed); allocates nothing. */
    public boolean isIpv4() {
        return readIpv4(null);
    }

    /**
     * Reads the host as four dotted numbers 0..255 into {@code bytes} (when not null). By hand,
     * not with split: a simulated Gnutella network checks millions of these while it is wired.
     */
    private boolean readIpv4(byte[] bytes) {
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= host.length(); i++) {
            char c = i < host.length() ? host.charAt(i) : '.';
            if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && value <= 255 && part < 4) {
                if (bytes != null) {
                    bytes[part] = (byte) value;
                }
                part++;
                value = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        return part == 4;
    }

    /** The inverse of {@link #ipv4()}. */
    public static Address ofIpv4(byte[] ip, int port) {
        return new Address((ip[0] & 0xff) + "." + (ip[1] & 0xff) + "." + (ip[2] & 0xff) + "." + (ip[3] & 0xff), port);
    }

    /**
     * As a record compares, but the port and the hosts' hash codes (which a string keeps once
     * computed) first: a servent among a million simulated ones compares an address with its
     * neighbours' on every handshake, and most of those differ; this tells them apart without
     * reading either host's characters. The hash code is the record's own.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && port == a.port && (host == a.host || host.hashCode() == a.host.hashCode() && host.equals(a.host));
    }

    @Override
    public int hashCode() {
        return 31 * host.hashCode() + port; // what the record would compute: equal addresses, equal codes
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
