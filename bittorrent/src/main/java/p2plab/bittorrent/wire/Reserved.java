package p2plab.bittorrent.wire;

/**
 * The handshake's 8 reserved bytes, where each side flags the extensions it speaks. An extension
 * is on for a connection only when both handshakes set its bit.
 *
 * <pre>
 *   reserved[5] &amp; 0x10   extension protocol (BEP 10): extended handshake, then named extensions
 *   reserved[7] &amp; 0x04   fast extension (BEP 6): have all/none, reject, suggest, allowed fast
 *   reserved[7] &amp; 0x01   DHT (BEP 5): the sender runs a DHT node and sends a port message
 * </pre>
 */
public final class Reserved {
    private Reserved() {
    }

    /** The bits we set: extension protocol and fast extension. */
    public static byte[] ours() {
        byte[] r = new byte[8];
        r[5] |= 0x10;
        r[7] |= 0x04;
        return r;
    }

    /** Our bits, plus the DHT bit when we run a DHT node. */
    public static byte[] ours(boolean dht) {
        byte[] r = ours();
        if (dht) {
            r[7] |= 0x01;
        }
        return r;
    }

    public static boolean dht(byte[] reserved) {
        return (reserved[7] & 0x01) != 0;
    }

    public static boolean extensionProtocol(byte[] reserved) {
        return (reserved[5] & 0x10) != 0;
    }

    public static boolean fast(byte[] reserved) {
        return (reserved[7] & 0x04) != 0;
    }
}
