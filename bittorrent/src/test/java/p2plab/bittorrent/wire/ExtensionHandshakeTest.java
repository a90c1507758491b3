package p2plab.bittorrent.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtensionHandshakeTest {

    @Test
    void encodesTheBep10KeysInSortedOrder() {
        ExtensionHandshake h = new ExtensionHandshake(Map.of("ut_metadata", 3), "p2plab 0.1", 6881, 2000);
        assertEquals("d1:md11:ut_metadatai3ee1:pi6881e4:reqqi2000e1:v10:p2plab 0.1e",
                new String(h.encode(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void decodesWhatARealClientSendsAndIgnoresUnknownKeys() {
        // libtorrent-style handshake with keys we do not use (yourip, metadata_size, upload_only, a disabled extension)
        String wire = "d1:ei0e1:md11:lt_donthavei7e10:share_modei8e11:ut_metadatai2e6:ut_pexi0ee13:metadata_sizei1234e"
                + "1:pi6882e4:reqqi500e11:upload_onlyi0e1:v18:libtorrent/2.0.8.06:yourip4:\u007f\u0000\u0000\u0001e";
        ExtensionHandshake h = ExtensionHandshake.decode(wire.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(500, h.reqq());
        assertEquals(6882, h.port());
        assertEquals("libtorrent/2.0.8.0", h.client());
        assertEquals(2, h.idOf("ut_metadata"));
        assertEquals(0, h.idOf("ut_pex"), "id 0 means disabled");
        assertEquals(0, h.idOf("ut_holepunch"));
        assertEquals(1234, h.metadataSize());
    }

    @Test
    void carriesMetadataSize() {
        ExtensionHandshake h = new ExtensionHandshake(Map.of("ut_metadata", 2), "p2plab", 0, 0, 31_337);
        assertEquals("d1:md11:ut_metadatai2ee13:metadata_sizei31337e1:v6:p2plabe", new String(h.encode(), StandardCharsets.ISO_8859_1));
        assertEquals(h, ExtensionHandshake.decode(h.encode()));
        assertEquals(0, ExtensionHandshake.decode("d13:metadata_sizei-1ee".getBytes(StandardCharsets.ISO_8859_1)).metadataSize());
    }

    @Test
    void roundTrips() {
        ExtensionHandshake h = new ExtensionHandshake(Map.of("a", 1, "b", 2), "x", 1, 7);
        assertEquals(h, ExtensionHandshake.decode(h.encode()));
        assertArrayEquals(h.encode(), ExtensionHandshake.decode(h.encode()).encode());
    }

    @Test
    void missingAndNonsenseValuesCountAsAbsent() {
        ExtensionHandshake h = ExtensionHandshake.decode("d1:md1:xi999ee1:p3:abc4:reqqi-5ee".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(0, h.reqq());
        assertEquals(0, h.port());
        assertEquals(0, h.idOf("x"), "an id above 255 cannot be sent in one byte");
        assertEquals("", h.client());
    }

    @Test
    void keepsAtMost64ExtensionNames() {
        StringBuilder m = new StringBuilder("d1:md");
        for (int i = 0; i < 1000; i++) {
            String name = String.format("x%04d", i);
            m.append(name.length()).append(':').append(name).append("i1e");
        }
        m.append("ee");
        ExtensionHandshake h = ExtensionHandshake.decode(m.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(ExtensionHandshake.MAX_EXTENSIONS, h.extensions().size());
    }

    @Test
    void anExtensionNameOverTheLimitIsIgnored() {
        String longName = "x".repeat(100_000);
        byte[] wire = ("d1:md11:ut_metadatai2e" + longName.length() + ":" + longName + "i1eee").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Map.of("ut_metadata", 2), ExtensionHandshake.decode(wire).extensions());
        String atTheLimit = "y".repeat(ExtensionHandshake.MAX_NAME);
        byte[] fits = ("d1:md" + atTheLimit.length() + ":" + atTheLimit + "i1eee").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Map.of(atTheLimit, 1), ExtensionHandshake.decode(fits).extensions());
    }

    @Test
    void notADictionaryIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExtensionHandshake.decode("li1ee".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(e.getMessage().startsWith("bad extended handshake"), e.getMessage());
    }
}
