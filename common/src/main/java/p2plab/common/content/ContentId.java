package p2plab.common.content;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A piece of content's identity: the SHA-256 of its bytes, as 64 lower-case hex digits. */
public record ContentId(String hex) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ContentId {
        if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a content id is 64 hex digits (a SHA-256), got '" + hex + "'");
        }
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
