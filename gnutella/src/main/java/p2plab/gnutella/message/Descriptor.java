package p2plab.gnutella.message;

/**
 * One Gnutella descriptor: the 23-byte header's fields and its payload.
 *
 * @param guid    identifies the descriptor (for Pong and QueryHit: the Ping's or Query's GUID)
 * @param ttl     how many more times it may be forwarded
 * @param hops    how many times it has been forwarded so far
 * @param payload what it carries
 */
public record Descriptor(Guid guid, int ttl, int hops, Payload payload) implements GnutellaMessage {
    public static final int HEADER_BYTES = 23;

    public Descriptor {
        if (guid == null || payload == null) {
            throw new IllegalArgumentException("a descriptor needs a GUID and a payload");
        }
        if (ttl < 0 || ttl > 255 || hops < 0 || hops > 255) {
            throw new IllegalArgumentException("TTL and hops are bytes (0..255), got ttl=" + ttl + ", hops=" + hops);
        }
    }

    /** The copy a servent passes on: TTL one less, hops one more. */
    public Descriptor forwarded() {
        if (ttl == 0) {
            throw new IllegalStateException("a descriptor with TTL 0 is not forwarded");
        }
        return new Descriptor(guid, ttl - 1, Math.min(255, hops + 1), payload);
    }

    /** Header plus payload. */
    public int wireSize() {
        return HEADER_BYTES + payload.size();
    }
}
