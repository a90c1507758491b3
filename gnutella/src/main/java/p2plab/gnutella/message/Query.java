package p2plab.gnutella.message;

import p2plab.common.transport.Utf8;

/** Query (0x80): a keyword search, flooded hop by hop until its TTL runs out. */
public record Query(int minSpeed, String text) implements Payload {
    public static final int TYPE = 0x80;

    public Query {
        if (minSpeed < 0 || minSpeed > 0xFFFF) {
            throw new IllegalArgumentException("min speed is u16, got " + minSpeed);
        }
        if (text == null || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("search text must not contain NUL");
        }
    }

    @Override
    public int typeCode() {
        return TYPE;
    }

    @Override
    public int size() {
        return 2 + Utf8.length(text) + 1;
    }
}
