package p2plab.bittorrent.peer;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** 20-byte peer ids in Azureus style ({@code -PL0100-} then 12 random printable characters). */
public final class PeerIds {
    public static final String PREFIX = "-PL0100-";
    private static final String CHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private PeerIds() {
    }

    public static byte[] random(RandomGenerator random) {
        StringBuilder sb = new StringBuilder(PREFIX);
        while (sb.length() < 20) {
            sb.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** How a peer id is named in maps, logs and ban lists. */
    public static String key(byte[] peerId) {
        return HexFormat.of().formatHex(peerId);
    }
}
