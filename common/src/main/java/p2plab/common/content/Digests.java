package p2plab.common.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1 (BitTorrent pieces) and SHA-256 (content ids), without checked exceptions. */
public final class Digests {

    private Digests() {
    }

    public static MessageDigest sha1() {
        return get("SHA-1");
    }

    public static MessageDigest sha256() {
        return get("SHA-256");
    }

    public static byte[] sha1(byte[] data) {
        return sha1().digest(data);
    }

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    /** SHA-256 of a whole content, read in 1 MiB chunks. */
    public static byte[] sha256(Content content) {
        MessageDigest d = sha256();
        long size = content.size();
        for (long off = 0; off < size; off += 1 << 20) {
            d.update(content.read(off, (int) Math.min(1 << 20, size - off)));
        }
        return d.digest();
    }

    private static MessageDigest get(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
