package p2plab.bittorrent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.wire.UtMetadata;
import p2plab.common.content.Digests;

class MetadataPiecesTest {

    @Test
    void assemblesPiecesInAnyOrderAndChecksTheHash() {
        byte[] info = new byte[40_000];
        new Random(8).nextBytes(info);
        MetadataPieces p = new MetadataPieces(info.length);
        assertEquals(3, p.count());
        for (int i = 2; i >= 0; i--) {
            assertFalse(p.complete());
            UtMetadata.Data d = (UtMetadata.Data) MetadataPieces.answer(info, i);
            assertEquals(i < 2 ? 16384 : 40_000 - 32768, d.data().length);
            assertEquals(info.length, d.totalSize());
            p.put(i, d.data());
        }
        assertTrue(p.complete());
        assertArrayEquals(info, p.bytes());
        assertTrue(p.matches(Digests.sha1(info)));
        assertFalse(p.matches(new byte[20]));
    }

    @Test
    void refusesPiecesOfTheWrongLengthOrPlace() {
        MetadataPieces p = new MetadataPieces(20_000);
        assertThrows(IllegalArgumentException.class, () -> p.put(0, new byte[100]));
        assertThrows(IllegalArgumentException.class, () -> p.put(1, new byte[16384]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.put(2, new byte[1]));
        assertEquals("metadata piece 2 is out of range (0..1)", e.getMessage());
        p.put(1, new byte[20_000 - 16384]);
        assertTrue(p.has(1));
        assertFalse(p.has(0));
    }

    @Test
    void aSizeAboveTheLimitIsRefusedBeforeAnythingIsAllocated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MetadataPieces(Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("above the limit of 8388608 bytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MetadataPieces(0));
        assertEquals(512, new MetadataPieces(MetadataPieces.MAX_SIZE).count());
    }

    @Test
    void requestsPastTheEndAreRejected() {
        byte[] info = new byte[100];
        assertEquals(new UtMetadata.Reject(1), MetadataPieces.answer(info, 1));
        assertEquals(new UtMetadata.Reject(-1), MetadataPieces.answer(info, -1));
        assertEquals(new UtMetadata.Data(0, 100, info), MetadataPieces.answer(info, 0));
    }
}
