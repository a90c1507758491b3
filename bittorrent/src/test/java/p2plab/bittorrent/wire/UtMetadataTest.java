package p2plab.bittorrent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UtMetadataTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void encodesTheThreeMessagesAsBep9ShowsThem() {
        assertArrayEquals(bytes("d8:msg_typei0e5:piecei0ee"), UtMetadata.encode(new UtMetadata.Request(0)));
        assertArrayEquals(bytes("d8:msg_typei1e5:piecei0e10:total_sizei34256eeabc"),
                UtMetadata.encode(new UtMetadata.Data(0, 34256, bytes("abc"))));
        assertArrayEquals(bytes("d8:msg_typei2e5:piecei0ee"), UtMetadata.encode(new UtMetadata.Reject(0)));
    }

    @Test
    void decodesWhatItEncodes() {
        for (UtMetadata m : new UtMetadata[] {new UtMetadata.Request(7), new UtMetadata.Reject(3),
                new UtMetadata.Data(2, 40_000, new byte[40_000 - 32768]), new UtMetadata.Data(0, 1, new byte[] {'d'})}) {
            assertEquals(m, UtMetadata.decode(UtMetadata.encode(m)));
        }
    }

    @Test
    void unknownMessageTypesAndKeysAreIgnored() {
        assertEquals(new UtMetadata.Unknown(9), UtMetadata.decode(bytes("d8:msg_typei9ee")));
        assertEquals(new UtMetadata.Request(1), UtMetadata.decode(bytes("d1:ai5e8:msg_typei0e5:piecei1ee")));
    }

    @Test
    void malformedMessagesAreRefusedSayingWhy() {
        assertRefused("", "bad ut_metadata message");
        assertRefused("i3e", "not a dictionary");
        assertRefused("d5:piecei0ee", "'msg_type' is missing");
        assertRefused("d8:msg_typei0ee", "'piece' is missing");
        assertRefused("d8:msg_typei0e5:piecei-1ee", "'piece' is -1");
        assertRefused("d8:msg_typei0e5:piecei4294967296ee", "outside 0..2147483647");
        assertRefused("d8:msg_typei1e5:piecei0ee", "'total_size' is missing");
        assertRefused("d8:msg_typei0e5:piecei0eeextra", "request has 5 bytes after its dictionary");
        assertRefused("d8:msg_typei1e5:piecei0e10:total_sizei1ee" + "x".repeat(16385), "over the 16384-byte limit");
    }

    private static void assertRefused(String payload, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UtMetadata.decode(bytes(payload)));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
