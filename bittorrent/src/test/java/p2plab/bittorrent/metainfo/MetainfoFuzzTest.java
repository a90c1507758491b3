package p2plab.bittorrent.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@link Metainfo#parse} (docs/fuzzing.md): a .torrent from a stranger
 * either parses to a torrent whose numbers add up, or is refused with a reason. The dictionary
 * gives the fuzzer the key names, which it could hardly guess byte by byte.
 */
class MetainfoFuzzTest {

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    @DictionaryEntries({"d8:announce", "13:announce-list", "4:infod", "5:filesl", "6:lengthi", "4:name",
            "12:piece lengthi", "6:pieces", "4:pathl", "e", "i9223372036854775807e", "20:"})
    void parse(byte[] torrent) {
        Metainfo m;
        try {
            m = Metainfo.parse(torrent);
        } catch (IllegalArgumentException e) { // BencodeException, or an unsafe file entry
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a rejection must say why");
            return;
        }
        long total = m.totalLength();
        assertTrue(total >= 0, "total length " + total);
        assertEquals((total + m.pieceLength() - 1) / m.pieceLength(), m.pieceCount(), "pieces cover the bytes");
        for (int i = 0; i < m.pieceCount(); i++) {
            assertTrue(m.pieceSize(i) > 0 && m.pieceSize(i) <= m.pieceLength(), "piece " + i + " size " + m.pieceSize(i));
        }
        long offset = 0;
        for (FileEntry f : m.files()) {
            assertEquals(offset, f.offset(), "files follow each other");
            offset += f.length();
        }

        // round trip: what we write back reads as the same torrent (same info hash, same files)
        Metainfo again = Metainfo.parse(m.toBytes());
        assertArrayEquals(m.infoHash(), again.infoHash());
        assertEquals(m.announce(), again.announce());
        assertEquals(m.name(), again.name());
        assertEquals(m.files(), again.files());
        assertEquals(m.multiFile(), again.multiFile());
    }
}
