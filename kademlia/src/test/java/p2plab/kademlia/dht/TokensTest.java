package p2plab.kademlia.dht;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A token is valid with the current secret and the previous one: between 5 and 10 minutes. */
class TokensTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final byte[] IP = {127, 0, 0, 1};
    private static final byte[] OTHER_IP = {127, 0, 0, 2};

    @Test
    void aTokenLivesThroughOneRotationButNotTwo() {
        Tokens tokens = new Tokens(5 * MINUTE, new SplittableRandom(1), 0);
        byte[] token = tokens.tokenFor(IP, MINUTE);

        assertTrue(tokens.valid(token, IP, 4 * MINUTE), "same secret");
        assertFalse(tokens.valid(token, OTHER_IP, 4 * MINUTE), "a token belongs to one IP");
        assertTrue(tokens.valid(token, IP, 9 * MINUTE), "previous secret still accepted");
        assertFalse(tokens.valid(token, IP, 10 * MINUTE), "two rotations later it is refused");
    }

    @Test
    void aTokenIsTheSha1OfTheIpAndTheSecret() throws Exception {
        SplittableRandom same = new SplittableRandom(9);
        byte[] secret = new byte[8];
        same.nextBytes(secret);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(IP);
        sha1.update(secret);

        byte[] token = new Tokens(5 * MINUTE, new SplittableRandom(9), 0).tokenFor(IP, 0);

        assertArrayEquals(sha1.digest(), token);
        assertEquals(20, token.length);
    }
}
