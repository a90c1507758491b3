package p2plab.bittorrent.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import p2plab.bittorrent.metainfo.Metainfo;
import p2plab.bittorrent.metainfo.Torrents;
import p2plab.common.content.BytesContent;

class StorageTest {
    static final int PIECE = 32 * 1024;

    @TempDir
    Path dir;

    final byte[] data = new byte[PIECE * 3 + 1000];
    final Metainfo meta;

    StorageTest() {
        new Random(9).nextBytes(data);
        meta = Torrents.of(new BytesContent("f.bin", data), null, PIECE);
    }

    private Storage.Outcome send(Storage s, int piece, int block, String from, boolean corrupt) {
        int begin = block * Storage.BLOCK;
        int len = s.blockLength(piece, block);
        byte[] b = Arrays.copyOfRange(data, piece * PIECE + begin, piece * PIECE + begin + len);
        if (corrupt) {
            b[0] ^= 1;
        }
        return s.receive(piece, begin, b, from);
    }

    @Test
    void pieceCountsOnlyAfterItsHashVerifies() {
        Storage s = new Storage(meta, new MemoryStore(PIECE), 2);
        assertEquals(Storage.Outcome.STORED, send(s, 1, 0, "a", false));
        assertFalse(s.have().has(1));
        assertEquals(Storage.Outcome.PIECE_VERIFIED, send(s, 1, 1, "a", false));
        assertTrue(s.have().has(1));
        assertArrayEquals(Arrays.copyOfRange(data, PIECE, PIECE + 100), s.read(1, 0, 100));
        assertEquals(Storage.Outcome.IGNORED, send(s, 1, 0, "a", false));
        assertEquals(Storage.Outcome.PIECE_VERIFIED, send(s, 3, 0, "a", false)); // short last piece, one block
    }

    @Test
    void aPeerSendingBadPiecesIsBannedAfterRepeatedOffences() {
        Storage s = new Storage(meta, new MemoryStore(PIECE), 2);
        send(s, 0, 0, "bad", true);
        assertEquals(Storage.Outcome.PIECE_FAILED, send(s, 0, 1, "bad", false));
        assertEquals(1, s.offences("bad"));
        assertFalse(s.banned("bad"));
        assertFalse(s.have().has(0));
        send(s, 0, 0, "bad", true);
        send(s, 0, 1, "bad", false);
        assertTrue(s.banned("bad"));
        assertEquals(2, s.corruptPieces());
    }

    @Test
    void inAMixedPieceOnlyTheSenderOfTheWrongBlockIsCharged() {
        Storage s = new Storage(meta, new MemoryStore(PIECE), 1);
        send(s, 2, 0, "good", false);
        assertEquals(Storage.Outcome.PIECE_FAILED, send(s, 2, 1, "bad", true));
        assertEquals(0, s.offences("bad"));
        send(s, 2, 0, "good", false);
        assertEquals(Storage.Outcome.PIECE_VERIFIED, send(s, 2, 1, "good", false));
        assertTrue(s.banned("bad"));
        assertFalse(s.banned("good"));
    }

    @Test
    void resumeRechecksWhatIsOnDisk() throws Exception {
        Files.write(dir.resolve("f.bin"), Arrays.copyOf(data, PIECE * 2 + 10));
        try (DiskStore disk = new DiskStore(meta, dir)) {
            Storage s = new Storage(meta, disk, 2);
            assertEquals(2, s.recheck());
            assertTrue(s.have().has(0) && s.have().has(1) && !s.have().has(2));
            send(s, 2, 0, "a", false);
            send(s, 2, 1, "a", false);
            send(s, 3, 0, "a", false);
            assertTrue(s.complete());
        }
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("f.bin")));
    }

    @Test
    void diskStoreSplitsPiecesAcrossFiles() throws Exception {
        Path src = dir.resolve("src/album");
        Files.createDirectories(src);
        Files.write(src.resolve("a"), Arrays.copyOf(data, 5000));
        Files.write(src.resolve("b"), Arrays.copyOfRange(data, 5000, data.length));
        Metainfo multi = Torrents.create(src, null, PIECE);
        Path out = dir.resolve("out");
        try (DiskStore disk = new DiskStore(multi, out)) {
            disk.write(0, data);
            assertArrayEquals(Arrays.copyOfRange(data, 4000, 6000), disk.read(4000, 2000));
        }
        assertArrayEquals(Arrays.copyOf(data, 5000), Files.readAllBytes(out.resolve("album/a")));
        try (DiskStore disk = new DiskStore(multi, out)) {
            assertEquals(multi.pieceCount(), new Storage(multi, disk, 2).recheck());
        }
    }
}
