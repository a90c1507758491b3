package p2plab.gnutella.message;

import p2plab.common.transport.Address;

/**
 * Pong (0x01): a servent's address and how much it shares; answers a Ping along its reverse path.
 *
 * @param address   where the servent listens (IPv4 host and port)
 * @param files     number of files it shares
 * @param kilobytes kilobytes it shares
 */
public record Pong(Address address, long files, long kilobytes) implements Payload {
    public static final int TYPE = 0x01;
    public static final int SIZE = 14;

    public Pong {
        if (!address.isIpv4()) {
            throw new IllegalArgumentException("not an IPv4 address: " + address.host());
        }
        if (files < 0 || files > 0xFFFF_FFFFL || kilobytes < 0 || kilobytes > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("files and kilobytes are u32, got " + files + ", " + kilobytes);
        }
    }

    @Override
    public int typeCode() {
        return TYPE;
    }

    @Override
    public int size() {
        return SIZE;
    }
}
