package p2plab.common.content;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HexFormat;

/** A piece of content's identity: the SHA-256 of its bytes, as 64 lower-case hex digits. */
public record ContentId(String hex) {
    public ContentId {
        if (!isSha256Hex(hex)) {
            throw new IllegalArgumentException("a content id is 64 hex digits (a SHA-256), got '" + hex + "'");
        }
    }

    /**
     * True for 64 lower-case hex digits, the form of an id (codecs check ids on the wire with it).
     * A loop, not a regex: an index server checks millions of ids as peers share.
     */
    public static boolean isSha256Hex(String hex) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    public static ContentId of(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("SHA-256 digests are 32 bytes, got " + sha256.length);
        }
        return new ContentId(HexFormat.of().formatHex(sha256));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    /** The first 8 hex digits, enough to tell files apart on screen. */
    public String shortHex() {
        return hex.substring(0, 8);
    }

    @JsonValue
    @Override
    public String toString() {
        return hex;
    }
}
