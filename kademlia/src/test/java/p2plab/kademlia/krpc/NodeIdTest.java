package p2plab.kademlia.krpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** XOR distance, the worked example of docs/kademlia.md. */
class NodeIdTest {
    private static final NodeId A = NodeId.ofHex("b0" + "00".repeat(19));  // 1011 0000 ...
    private static final NodeId B = NodeId.ofHex("a4" + "00".repeat(19));  // 1010 0100 ...
    private static final NodeId C = NodeId.ofHex("30" + "00".repeat(19));  // 0011 0000 ...

    @Test
    void xorDistanceOfTheWorkedExample() {
        // b0 xor a4 = 14 = 0001 0100: they share 3 leading bits, the distance has 157 bits.
        assertEquals(new BigInteger("14", 16).shiftLeft(152), A.distance(B));
        assertEquals(3, A.commonPrefix(B));
        assertEquals(157, A.distanceBits(B));
        // b0 xor 30 = 80: the first bit differs, so C is as far as can be from A's half of the space.
        assertEquals(0, A.commonPrefix(C));
        assertEquals(160, A.distanceBits(C));
        assertTrue(A.closer(B, C) < 0, "B is closer to A than C is");
        assertEquals(0, A.distanceBits(A));
        assertEquals(A.distance(B), B.distance(A), "XOR distance is symmetric");
    }

    @Test
    void aRandomIdInABucketsRangeSharesExactlyThatPrefix() {
        SplittableRandom r = new SplittableRandom(1);
        for (int prefix : new int[] {0, 1, 7, 8, 63, 159}) {
            assertEquals(prefix, A.commonPrefix(A.randomWithPrefix(prefix, r)));
        }
    }

    @Test
    void keywordKeysAreTheSha1OfTheKeyword() {
        assertEquals("a94a8fe5ccb19ba61c4c0873d391e987982fbbd3", NodeId.sha1("test").hex());
    }
}
