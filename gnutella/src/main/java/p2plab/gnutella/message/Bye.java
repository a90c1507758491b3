package p2plab.gnutella.message;

import p2plab.common.transport.Utf8;

/** Bye (0x02): the sender is closing the connection, with a code and a reason (TTL 1). */
public record Bye(int code, String reason) implements Payload {
    public static final int TYPE = 0x02;

    public Bye {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("a Bye code is u16, got " + code);
        }
        if (reason == null || reason.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a Bye reason is text without NUL");
        }
    }

    @Override
    public int typeCode() {
        return TYPE;
    }

    @Override
    public int size() {
        return 2 + Utf8.length(reason) + 1;
    }
}
