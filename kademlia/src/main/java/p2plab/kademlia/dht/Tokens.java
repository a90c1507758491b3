package p2plab.kademlia.dht;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.random.RandomGenerator;

/**
 * announce_peer tokens (BEP 5): SHA-1 of the querier's IP and a secret that changes every
 * {@code rotation}; a token made with the previous secret is still accepted, so a token lives
 * between one and two rotations. Rotation happens lazily, when a token is made or checked.
 */
public final class Tokens {
    private static final int SECRET_BYTES = 8;

    private final long rotationNanos;
    private final RandomGenerator random;
    private byte[] current;
    private byte[] previous;
    private long rotatedAt;

    public Tokens(long rotationNanos, RandomGenerator random, long now) {
        this.rotationNanos = rotationNanos;
        this.random = random;
        this.current = newSecret();
        this.previous = current;
        this.rotatedAt = now;
    }

    /** The token for a querier at {@code ip} (4 bytes). */
    public byte[] tokenFor(byte[] ip, long now) {
        rotate(now);
        return hash(ip, current);
    }

    public boolean valid(byte[] token, byte[] ip, long now) {
        rotate(now);
        return MessageDigest.isEqual(token, hash(ip, current)) || MessageDigest.isEqual(token, hash(ip, previous));
    }

    private void rotate(long now) {
        while (now - rotatedAt >= rotationNanos) {
            previous = current;
            current = newSecret();
            rotatedAt += rotationNanos;
            if (now - rotatedAt >= rotationNanos) { // idle for two rotations: no token of ours is valid
                previous = current;
                rotatedAt = now;
            }
        }
    }

    private byte[] newSecret() {
        byte[] s = new byte[SECRET_BYTES];
        random.nextBytes(s);
        return s;
    }

    private static byte[] hash(byte[] ip, byte[] secret) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ip);
            sha1.update(secret);
            return sha1.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
