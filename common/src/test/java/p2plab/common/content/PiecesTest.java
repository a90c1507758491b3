package p2plab.common.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiecesTest {

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    @Test
    void sha1OfAbcIsTheKnownVector() {
        Content abc = new BytesContent("abc", "abc".getBytes(StandardCharsets.US_ASCII));
        List<byte[]> hashes = Pieces.sha1(abc, 16384);
        assertEquals(1, hashes.size());
        assertArrayEquals(hex("a9993e364706816aba3e25717850c26c9cd0d89d"), hashes.get(0));
    }

    @Test
    void sha256OfAbcIsTheKnownVector() {
        Content abc = new BytesContent("abc", "abc".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                Pieces.sha256(abc, 4).get(0));
    }

    @Test
    void eachPieceIsHashedOnItsOwn() {
        // "abcdefgh" in pieces of 3: "abc", "def", "gh".
        Content c = new BytesContent("letters", "abcdefgh".getBytes(StandardCharsets.US_ASCII));
        List<byte[]> hashes = Pieces.sha1(c, 3);
        assertEquals(3, hashes.size());
        assertArrayEquals(hex("a9993e364706816aba3e25717850c26c9cd0d89d"), hashes.get(0));
        assertArrayEquals(Digests.sha1("def".getBytes(StandardCharsets.US_ASCII)), hashes.get(1));
        assertArrayEquals(Digests.sha1("gh".getBytes(StandardCharsets.US_ASCII)), hashes.get(2));
        List<byte[]> sha256 = Pieces.sha256(c, 3);
        assertArrayEquals(Digests.sha256("gh".getBytes(StandardCharsets.US_ASCII)), sha256.get(2));
    }

    @Test
    void concatenatedSha1IsTheTorrentPiecesString() {
        Content c = new GeneratedContent("g", 100_000, 8);
        byte[] all = Pieces.concatenatedSha1(c, 32768);
        assertEquals(4 * 20, all.length);
        byte[] last = java.util.Arrays.copyOfRange(all, 60, 80);
        assertArrayEquals(Digests.sha1(c.read(3 * 32768, 100_000 - 3 * 32768)), last);
    }

    @Test
    void countsAndLastLength() {
        assertEquals(0, Pieces.count(0, 16));
        assertEquals(1, Pieces.count(1, 16));
        assertEquals(1, Pieces.count(16, 16));
        assertEquals(2, Pieces.count(17, 16));
        assertEquals(16, Pieces.lastLength(16, 16));
        assertEquals(1, Pieces.lastLength(17, 16));
        assertEquals(0, Pieces.lastLength(0, 16));
        assertEquals(16, Pieces.length(17, 16, 0));
        assertEquals(1, Pieces.length(17, 16, 1));
        assertEquals(40_000, Pieces.count(40_000L * 262_144, 262_144));
        assertThrows(IndexOutOfBoundsException.class, () -> Pieces.length(17, 16, 2));
        assertThrows(IllegalArgumentException.class, () -> Pieces.count(10, 0));
        assertThrows(IllegalArgumentException.class, () -> Pieces.count(Long.MAX_VALUE, 1));
    }

    @Test
    void emptyContentHasNoPieces() {
        assertEquals(0, Pieces.sha1(new BytesContent("e", new byte[0]), 16).size());
    }
}
