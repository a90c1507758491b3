package p2plab.kademlia.krpc;

import java.util.zip.CRC32C;

/**
 * BEP 42's rule that ties a node id to the node's IPv4 address, so that nobody can pick an id
 * next to a key they want to control. The first 21 bits of the id come from CRC32-C of the
 * masked address and three random bits {@code r}; the last byte carries {@code r}.
 *
 * <p>Only a check: enforcement is off on loopback (every simulated and real node here lives on
 * 127/8, which the BEP exempts, with the private ranges).
 */
public final class Bep42 {
    private static final int[] MASK = {0x03, 0x0f, 0x3f, 0xff};

    private Bep42() {
    }

    /** The 21-bit prefix an id must start with for {@code ip} and random byte {@code rand} (its low 3 bits count). */
    public static int prefix(byte[] ip, int rand) {
        byte[] masked = new byte[4];
        for (int i = 0; i < 4; i++) {
            masked[i] = (byte) (ip[i] & MASK[i]);
        }
        masked[0] |= (byte) ((rand & 0x7) << 5);
        CRC32C crc = new CRC32C();
        crc.update(masked);
        return (int) (crc.getValue() >>> 11); // the top 21 bits
    }

    /** The first three bytes of a conforming id (the third's low 3 bits are free). */
    public static byte[] firstBytes(byte[] ip, int rand) {
        int p = prefix(ip, rand) << 3;
        return new byte[] {(byte) (p >>> 16), (byte) (p >>> 8), (byte) p};
    }

    /** True when {@code id} is a valid id for a node at {@code ip}, or when {@code ip} is exempt. */
    public static boolean valid(NodeId id, byte[] ip) {
        if (exempt(ip)) {
            return true;
        }
        int idPrefix = (id.byteAt(0) << 13) | (id.byteAt(1) << 5) | (id.byteAt(2) >>> 3);
        return idPrefix == prefix(ip, id.byteAt(19));
    }

    /** Loopback and the private and link-local ranges need no conforming id (BEP 42). */
    public static boolean exempt(byte[] ip) {
        int a = ip[0] & 0xff;
        int b = ip[1] & 0xff;
        return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 169 && b == 254);
    }
}
