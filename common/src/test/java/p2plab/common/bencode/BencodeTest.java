package p2plab.common.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BencodeTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void encodesEveryTypeWithSortedKeys() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("zeta", 1L);
        d.put("alpha", List.of("spam", -3L));
        assertEquals("d5:alphal4:spami-3ee4:zetai1ee", new String(Bencode.encode(d), StandardCharsets.ISO_8859_1));
        assertEquals("i0e", new String(Bencode.encode(0L), StandardCharsets.ISO_8859_1));
        assertEquals("0:", new String(Bencode.encode(new byte[0]), StandardCharsets.ISO_8859_1));
    }

    @Test
    void decodesAndReEncodesByteForByte() {
        byte[] in = b("d3:cow3:moo4:listli1ei-2e0:e4:spamd1:ai42eee");
        Object v = Bencode.decode(in);
        assertArrayEquals(in, Bencode.encode(v));
        Map<String, Object> d = Bencode.dict(v, "top");
        assertEquals("moo", Bencode.text(d.get("cow"), "cow"));
        assertEquals(42L, Bencode.dict(d.get("spam"), "spam").get("a"));
    }

    @Test
    void keysCompareAsRawBytes() {
        // 0xff sorts after 'z' as an unsigned byte
        byte[] in = b("d1:zi1e1:\u00ffi2ee");
        assertEquals(2, Bencode.dict(Bencode.decode(in), "d").size());
        assertArrayEquals(in, Bencode.encode(Bencode.decode(in)));
    }

    @Test
    void rejectsNonCanonicalInput() {
        String[] bad = {"i03e", "i-0e", "ie", "i1", "03:abc", "4:abc", "d1:bi1e1:ai2ee", "d1:ai1e1:ai2ee", "di1ei2ee",
            "l", "x", "i1ei2e", "i99999999999999999999e", "-1:a", "i1-e"};
        for (String s : bad) {
            BencodeException e = assertThrows(BencodeException.class, () -> Bencode.decode(b(s)), s);
            assertTrue(e.getMessage().length() > 5, s);
        }
    }

    @Test
    void errorSaysWhatAndWhere() {
        BencodeException e = assertThrows(BencodeException.class, () -> Bencode.decode(b("d1:bi1e1:ai2ee")));
        assertTrue(e.getMessage().contains("out of order"), e.getMessage());
        e = assertThrows(BencodeException.class, () -> Bencode.decode(b("i012e")));
        assertTrue(e.getMessage().contains("leading zero"), e.getMessage());
    }

    @Test
    void unprintableBytesAreShownInHex() {
        BencodeException e = assertThrows(BencodeException.class, () -> Bencode.decode(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertEquals("unexpected byte 0x89 at offset 0", e.getMessage());
        e = assertThrows(BencodeException.class, () -> Bencode.decode(b("x")));
        assertEquals("unexpected byte 'x' (0x78) at offset 0", e.getMessage());
        e = assertThrows(BencodeException.class, () -> Bencode.decode(b("i1\u0000e")));
        assertEquals("bad digit 0x00 in number at offset 2", e.getMessage());
    }

    @Test
    void enforcesDepthAndSizeLimits() {
        String deep = "l".repeat(100) + "e".repeat(100);
        assertThrows(BencodeException.class, () -> Bencode.decode(b(deep)));
        assertEquals(1, Bencode.list(Bencode.decode(b("l".repeat(10) + "e".repeat(10)), 1000, 10), "l").size());
        assertThrows(BencodeException.class, () -> Bencode.decode(b("l".repeat(12) + "e".repeat(12)), 1000, 10));
        assertThrows(BencodeException.class, () -> Bencode.decode(new byte[2000], 1000, 10));
    }

    /** 2 bytes of input can be a whole dictionary: the count of values is capped, not only the bytes. */
    @Test
    void aMillionValuesAreTheMostOneDecodeMakes() {
        String atTheLimit = "l" + "i0e".repeat(Bencode.MAX_VALUES - 1) + "e"; // the list and its items
        assertEquals(Bencode.MAX_VALUES - 1, Bencode.list(Bencode.decode(b(atTheLimit)), "l").size());
        String emptyDictionaries = "l" + "de".repeat(4_000_000) + "e"; // 8 MB, within the byte limit
        BencodeException e = assertThrows(BencodeException.class, () -> Bencode.decode(b(emptyDictionaries)));
        assertEquals("more than 1000000 values (at offset 1999999)", e.getMessage());
    }

    @Test
    void rawValueIsTheExactSpan() {
        byte[] in = b("d8:announce3:url4:infod4:name1:xee");
        assertArrayEquals(b("d4:name1:xe"), Bencode.rawValue(in, "info"));
    }
}
